using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Tests.Reports;

/// <summary>An incomplete run (no failure, a delta unverified) has its own headline and colour in every report,
/// each report says how many deltas were verified, and XML evidence is pretty-printed.</summary>
public sealed class IncompleteReportTests
{
    private static readonly DeltaRecord Verified = new("create/response/voiceBridge", "response element", "create", "The voice bridge", true, "wiki create", ["create/response/voiceBridge"], "passed") { Verified = true };

    private static readonly DeltaRecord Unverified = new("getMeetingInfo/response/attendees/attendee/guest", "response element", "getMeetingInfo", "guest", true, "wiki getMeetingInfo",
        ["getMeetingInfo/response/attendees/attendee/guest"], "inconclusive")
    {
        Reason = "inconclusive: no meeting with connected attendees",
        VerifyWith = "./run-conformance.sh <target options> --presence-driver COMMAND",
    };

    private static ResultsDocument IncompleteDocument() => Samples.Document(Samples.Record("create/response/voiceBridge", Verdict.Passed)) with
    {
        Verdict = RunVerdict.Incomplete,
        Summary = "incomplete: no failure, but Mconf-Live deltas verified: 1 of 2; 1 unverified",
        Deltas = [Verified, Unverified],
        DeltasVerified = 1,
        Presence = new PresenceReport("driver", "m-1", 1.25,
            [new PresenceStepRecord
            {
                Action = "join-moderator-voice", User = "Conformance Moderator", Instruction = "Join with a microphone", JoinUrl = "http://h/api/join?checksum=***",
                Status = PresenceStepOutcome.Observed, Observed = "getMeetingInfo: voiceParticipantCount 1", DurationMs = 120, Cases = ["x#session-join-moderator-voice"],
                VerifiedDeltas = ["getMeetingInfo/response/attendees/attendee/hasJoinedVoice"],
            }]),
    };

    [Test]
    public void Judgement_NoFailureButADeltaUnverified_IsIncomplete_ExitZeroUnlessRequired()
    {
        var results = new[] { Samples.Result("create/response/voiceBridge", Verdict.Passed) };

        var relaxed = Judgement.Of(null, results, [Verified, Unverified], requireComplete: false);
        var strict = Judgement.Of(null, results, [Verified, Unverified], requireComplete: true);
        var complete = Judgement.Of(null, results, [Verified], requireComplete: true);

        relaxed.Verdict.ShouldBe(RunVerdict.Incomplete);
        relaxed.ExitCode.ShouldBe(ExitCodes.Conformant);
        relaxed.Line.ShouldStartWith("incomplete: no failure, but Mconf-Live deltas verified: 1 of 2; 1 unverified");
        strict.ExitCode.ShouldBe(ExitCodes.Incomplete);
        complete.Verdict.ShouldBe(RunVerdict.Conformant);
        complete.Line.ShouldEndWith("; Mconf-Live deltas verified: 1 of 1");
    }

    [Test]
    public void Html_Incomplete_HasItsOwnBannerTheCountTheReasonsAndTheSessionSteps()
    {
        var html = HtmlReportWriter.Render(IncompleteDocument());

        html.ShouldContain("<header class=\"banner incomplete\">");
        html.ShouldContain("Incomplete: not every Mconf-Live delta was verified");
        html.ShouldContain("Mconf-Live deltas verified: 1 of 2");
        html.ShouldContain("inconclusive: no meeting with connected attendees");
        html.ShouldContain("./run-conformance.sh &lt;target options&gt; --presence-driver COMMAND");
        html.ShouldContain("<section id=\"presence\">");
        html.ShouldContain("getMeetingInfo: voiceParticipantCount 1");
    }

    [Test]
    public void Markdown_Incomplete_HasItsIconTheCountAndTheUnverifiedDeltas()
    {
        var md = MarkdownSummaryWriter.Render(IncompleteDocument());

        md.ShouldStartWith("### 🟡 Mconf-Live conformance: incomplete");
        md.ShouldContain("**Mconf-Live deltas verified: 1 of 2**");
        md.ShouldContain("`getMeetingInfo/response/attendees/attendee/guest`");
        md.ShouldContain("**Presence session**");
    }

    [Test]
    public void JUnit_CarriesTheVerdictAndTheDeltaCountAsProperties()
    {
        var xml = JUnitWriter.Render(IncompleteDocument());

        xml.ShouldContain("<property name=\"verdict\" value=\"incomplete\" />");
        xml.ShouldContain("<property name=\"mconfLiveDeltasVerified\" value=\"1 of 2\" />");
        xml.ShouldContain("<property name=\"deltasUnverified\" value=\"getMeetingInfo/response/attendees/attendee/guest\" />");
    }

    [Test]
    public void ResultsJson_RoundTripsTheIncompleteVerdictAndTheSession()
    {
        using var dir = new TempDirectory();
        var path = dir.File("results.json");
        ResultsJsonWriter.Write(IncompleteDocument(), path);

        var read = ResultsJsonWriter.Read(path);

        read.Verdict.ShouldBe(RunVerdict.Incomplete);
        read.DeltasVerified.ShouldBe(1);
        read.Deltas[1].VerifyWith.ShouldBe(Unverified.VerifyWith);
        read.Presence!.Steps[0].VerifiedDeltas.ShouldBe(["getMeetingInfo/response/attendees/attendee/hasJoinedVoice"]);
        // A step's outcome is written as the words earlier results carried, and read back as the same outcome.
        File.ReadAllText(path).ShouldContain("\"status\": \"observed\"");
        read.Presence.Steps[0].Status.ShouldBe(PresenceStepOutcome.Observed);
        ResultsJsonWriter.Render(IncompleteDocument() with
        {
            Presence = IncompleteDocument().Presence! with { Steps = [IncompleteDocument().Presence!.Steps[0] with { Status = PresenceStepOutcome.NotObserved }] },
        }).ShouldContain("\"status\": \"not-observed\"");
    }

    [Test]
    public void Html_XmlEvidence_IsPrettyPrinted()
    {
        HtmlReportWriter.PrettyXml("<response><returncode>SUCCESS</returncode><a><b>1</b></a></response>")
            .ShouldBe("<response>\n  <returncode>SUCCESS</returncode>\n  <a>\n    <b>1</b>\n  </a>\n</response>".ReplaceLineEndings());
        HtmlReportWriter.PrettyXml("not xml <").ShouldBe("not xml <");
        HtmlReportWriter.PrettyXml("<broken>").ShouldBe("<broken>");
        HtmlReportWriter.Render(Samples.Document(Samples.Record("a/response/x", Verdict.Failed)))
            .ShouldContain("&lt;response&gt;\n  &lt;returncode&gt;FAILED&lt;/returncode&gt;\n&lt;/response&gt;".ReplaceLineEndings());
    }
}
