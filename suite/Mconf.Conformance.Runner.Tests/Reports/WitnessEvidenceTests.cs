using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Tests.Reports;

/// <summary>A delta is verified only through an observed value of its own (a witness of a passing, non-supporting case
/// about it); a pass without one leaves the run incomplete with a reason and a command; the reports show the evidence
/// behind each verified delta, and each observation once.</summary>
public sealed class WitnessEvidenceTests
{
    private const string Delta = "create/response/voiceBridge";
    private const string Request = "GET http://127.0.0.1:1/bigbluebutton/api/create?meetingID=m-1&voiceBridge=71234&checksum=***";

    private static readonly RunSelection Selection = new("lifecycle", "sha1", [], [], null, 10, 8);

    private static CaseRecord Passed(string id, params WitnessRecord[] witnesses) =>
        Samples.Record(id, Verdict.Passed) with { Witnesses = witnesses };

    private static WitnessRecord Seen(string specId = Delta, string value = "voiceBridge '71234' (sent '71234')") =>
        new(specId, Request, "meeting m-1", value);

    private static DeltaRecord Row(IReadOnlyList<ConformanceCase> catalogue, params CaseRecord[] ran) =>
        DeltaTable.Build(CaseCatalog.Deltas, catalogue, ran).Single(d => d.Id == Delta);

    private static ConformanceCase Supporting(string id) =>
        Samples.Case(id) with { Args = CaseArgs.None.With("supporting", true) };

    [Test]
    public void APassWithoutAWitness_DoesNotVerify_AndSaysWhyAndHow()
    {
        var row = Row([Samples.Case(Delta), Samples.Case(Delta + "#echo")], Passed(Delta), Passed(Delta + "#echo"));

        row.Outcome.ShouldBe("passed");
        row.Verified.ShouldBeFalse();
        row.Evidence.ShouldBeEmpty();
        row.Reason.ShouldNotBeNull();
        row.Reason.ShouldStartWith($"passed without observing a value of {Delta}: {Delta}, {Delta}#echo left no witness of it");
        row.VerifyWith.ShouldNotBeNull();
        row.VerifyWith.ShouldStartWith("./run-conformance.sh");
    }

    [Test]
    public void APassWithAWitness_Verifies_AndCarriesTheEvidence()
    {
        var row = Row([Samples.Case(Delta), Samples.Case(Delta + "#echo")], Passed(Delta), Passed(Delta + "#echo", Seen()));

        row.Verified.ShouldBeTrue();
        row.Reason.ShouldBeNull();
        row.WitnessCount.ShouldBe(1);
        row.Evidence.ShouldBe([new DeltaEvidence(Delta + "#echo", Request, "meeting m-1", "voiceBridge '71234' (sent '71234')")]);
    }

    [Test]
    public void OnlyAFewWitnessesAreShown_FromDifferentCasesFirst()
    {
        var many = Enumerable.Range(0, 9).Select(i => Seen(value: $"voiceBridge '7000{i}'")).ToArray();
        var row = Row([Samples.Case(Delta), Samples.Case(Delta + "#echo")], Passed(Delta, many), Passed(Delta + "#echo", Seen()));

        row.WitnessCount.ShouldBe(10);
        row.Evidence.Count.ShouldBe(DeltaTable.MaxEvidence);
        row.Evidence.Select(e => e.Case).ShouldContain(Delta + "#echo");
    }

    [Test]
    public void AWitnessOfAnotherEntry_ASupportingCase_OrAFailureElsewhere_DoNotVerify()
    {
        Row([Samples.Case(Delta)], Passed(Delta, Seen("create/response/dialNumber"))).Verified.ShouldBeFalse();
        Row([Samples.Case(Delta), Supporting(Delta + "#checksum-missing")], Passed(Delta), Passed(Delta + "#checksum-missing", Seen())).Verified.ShouldBeFalse();

        var failed = Row([Samples.Case(Delta), Samples.Case(Delta + "#echo")], Passed(Delta, Seen()), Samples.Record(Delta + "#echo", Verdict.Failed, "expected x; got y"));
        failed.Verified.ShouldBeFalse();
        failed.Reason.ShouldBe("a case about it failed");

        // A witness left by a case that did not pass (inconclusive after observing something) verifies nothing.
        Row([Samples.Case(Delta)], Samples.Record(Delta, Verdict.Inconclusive, "no meeting") with { Witnesses = [Seen()] }).Verified.ShouldBeFalse();
    }

    [Test]
    public void AnInconclusiveCaseBesideABlindPass_GivesItsReasonToo()
    {
        var row = Row([Samples.Case(Delta), Samples.Case(Delta + "#echo")], Passed(Delta), Samples.Record(Delta + "#echo", Verdict.Inconclusive, "no meeting to observe"));

        row.Verified.ShouldBeFalse();
        row.Reason.ShouldNotBeNull();
        row.Reason.ShouldContain("passed without observing a value of");
        row.Reason.ShouldEndWith("inconclusive: no meeting to observe");
    }

    [Test]
    public void TheRunVerdict_FollowsTheRule_IncompleteNotConformant()
    {
        var blind = Build([Samples.Result(Delta, Verdict.Passed)]);
        var seen = Build([Samples.Result(Delta, Verdict.Passed) with { Witnesses = [new Witness(Delta, Request, "meeting m-1", "71234")] }]);

        blind.Deltas.Single(d => d.Id == Delta).Verified.ShouldBeFalse();
        seen.Deltas.Single(d => d.Id == Delta).Verified.ShouldBeTrue();
        seen.DeltasVerified.ShouldBe(blind.DeltasVerified + 1);
        var judged = Judgement.Of(null, [Samples.Result(Delta, Verdict.Passed)], blind.Deltas, requireComplete: true);
        judged.Verdict.ShouldBe(RunVerdict.Incomplete);
        judged.ExitCode.ShouldBe(ExitCodes.Incomplete);
    }

    [Test]
    public void TheBuilder_RedactsWitnesses_AndCapsThemPerSpecId()
    {
        var many = Enumerable.Range(0, 30).Select(i => new Witness(Delta, Request + "&x=" + Samples.Secret, "meeting m-" + i, $"{i} {Samples.Secret}"))
            .Append(new Witness("create/response/dialNumber", Request, "meeting m-1", "613"));
        var document = Build([Samples.Result(Delta, Verdict.Passed) with { Witnesses = [.. many] }]);

        var witnesses = document.Cases.Single().Witnesses;
        witnesses.Count(w => w.SpecId == Delta).ShouldBe(ResultsDocumentBuilder.MaxWitnessesPerSpec);
        witnesses.ShouldContain(w => w.SpecId == "create/response/dialNumber");
        ResultsJsonWriter.Render(document).ShouldNotContain(Samples.Secret);
    }

    /// <summary>The presence session builds its results itself: their witnesses count like any case's.</summary>
    [Test]
    public void SessionResults_WithWitnesses_VerifyTheirDeltas()
    {
        var session = SessionCases.All.First();
        var outcome = new RunOutcome("r", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), null,
            [new CaseResult(session, Verdict.Passed, "", TimeSpan.Zero, []) { Witnesses = [new Witness(session.SpecId, Request, "attendee u-1", "true")] }], null)
        {
            Presence = new PresenceReport("driver", "m-1", 1, []),
        };
        var document = new ResultsDocumentBuilder("0.1.0-test", Samples.Secret)
            .Build(outcome, outcome.Results, deltas => Judgement.Of(null, outcome.Results, deltas, requireComplete: false), Selection, []);

        var row = document.Deltas.Single(d => d.Cases.Contains(session.Id));
        row.Verified.ShouldBeTrue();
        row.Evidence.Single().ShouldBe(new DeltaEvidence(session.Id, Request, "attendee u-1", "true"));
    }

    [Test]
    public void EveryReport_ShowsTheEvidenceOfAVerifiedDelta()
    {
        var document = Build([Samples.Result(Delta + "#echo", Verdict.Passed) with { Witnesses = [new Witness(Delta, Request, "meeting m-1", "voiceBridge '71234'")] }],
            [Samples.Case(Delta + "#echo")]);
        document.Deltas.Single(d => d.Id == Delta).Verified.ShouldBeTrue();

        using (var dir = new TempDirectory())
        {
            var path = dir.File("results.json");
            ResultsJsonWriter.Write(document, path);
            File.ReadAllText(path).ShouldContain("\"witnesses\"");
            var read = ResultsJsonWriter.Read(path);
            read.Deltas.Single(d => d.Id == Delta).Evidence.ShouldBe([new DeltaEvidence(Delta + "#echo", Request, "meeting m-1", "voiceBridge '71234'")]);
            read.Cases.Single().Witnesses.ShouldBe([new WitnessRecord(Delta, Request, "meeting m-1", "voiceBridge '71234'")]);
        }

        var html = HtmlReportWriter.Render(document);
        var deltas = html[html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal)..];
        deltas.ShouldContain("<ul class=\"evidence\"><li>observed <code>voiceBridge &#39;71234&#39;</code> in meeting m-1");
        deltas.ShouldContain("/api/create?meetingID=m-1&amp;voiceBridge=71234&amp;checksum=***");

        var md = MarkdownSummaryWriter.Render(document);
        md.ShouldContain("Evidence: the observed value behind each verified delta (1)");
        md.ShouldContain($"- `{Delta}`: `voiceBridge '71234'` in `meeting m-1`, from `{Request}`");

        JUnitWriter.Render(document).ShouldContain($"<property name=\"witness\" value=\"{Delta}: voiceBridge '71234' in meeting m-1 ({Request.Replace("&", "&amp;", StringComparison.Ordinal)})\" />");
    }

    [Test]
    public void AnObservationSeenByManyCases_IsReportedOnce()
    {
        const string Observed = "create without dialNumber reports an empty dialNumber (the server has no default dial number configured)";
        var document = Samples.Document(
            Samples.Record("create/response/dialNumber#default", Verdict.Passed) with { Observations = [Observed] },
            Samples.Record("create/response/dialNumber", Verdict.Passed) with { Observations = [Observed] });

        var entry = ObservationList.Of(document).ShouldHaveSingleItem();
        entry.Text.ShouldBe(Observed);
        entry.Cases.ShouldBe(["create/response/dialNumber#default", "create/response/dialNumber"]);
        var html = HtmlReportWriter.Render(document);
        html.ShouldContain("<h2>Observations (1)</h2>");
        html.Split(Observed).Length.ShouldBe(2);
        var md = MarkdownSummaryWriter.Render(document);
        md.ShouldContain("**Observations** (1;");
        md.Split(Observed).Length.ShouldBe(2);
        JUnitWriter.Render(document).Split(Observed).Length.ShouldBe(2);
    }

    private static ResultsDocument Build(IReadOnlyList<CaseResult> results, IReadOnlyList<ConformanceCase>? catalogue = null)
    {
        var outcome = new RunOutcome("r", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), null, results, null);
        return new ResultsDocumentBuilder("0.1.0-test", Samples.Secret)
            .Build(outcome, results, deltas => Judgement.Of(null, results, deltas, requireComplete: false), Selection, catalogue ?? [.. results.Select(r => r.Case)]);
    }
}
