using System.Xml.Linq;

namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class JUnitWriterTests
{
    private static XDocument Render(ResultsDocument document) => XDocument.Parse(JUnitWriter.Render(document));

    [Test]
    public void Render_EveryCase_IsATestcaseWithNameClassnameAndSpecId()
    {
        var document = Samples.Document(
            Samples.Record("create/response/voiceBridge", Verdict.Failed, "voiceBridge is missing"),
            Samples.Record("create/response/returncode", Verdict.Passed, layer: "bbb-0.9"),
            Samples.Record("getStats/response/stats", Verdict.Inconclusive, "no stats yet"));

        var testcases = Render(document).Descendants("testcase").ToList();

        testcases.Count.ShouldBe(3);
        foreach (var testcase in testcases)
        {
            ((string?)testcase.Attribute("name")).ShouldNotBeNullOrEmpty();
            ((string?)testcase.Attribute("classname")).ShouldNotBeNullOrEmpty();
            testcase.Element("properties")!.Elements("property").ShouldContain(p => (string?)p.Attribute("name") == "SpecId");
        }
    }

    [Test]
    public void Render_Failure_CarriesTheMessageAndTheEvidence()
    {
        var document = Samples.Document(Samples.Record("create/response/voiceBridge", Verdict.Failed, "voiceBridge is missing"));

        var failure = Render(document).Descendants("failure").Single();

        ((string?)failure.Attribute("message")).ShouldBe("voiceBridge is missing");
        failure.Value.ShouldContain("GET http://127.0.0.1:1/bigbluebutton/api/create?checksum=***");
    }

    [TestCase(Verdict.Inconclusive)]
    [TestCase(Verdict.Skipped)]
    [TestCase(Verdict.KnownFailing)]
    public void Render_NonPassThatIsNoFailure_IsSkippedWithTheReason(Verdict verdict)
    {
        var document = Samples.Document(Samples.Record("getStats/response/stats", verdict, "why"));

        var testcase = Render(document).Descendants("testcase").Single();

        testcase.Element("failure").ShouldBeNull();
        ((string?)testcase.Element("skipped")!.Attribute("message")).ShouldBe($"{VerdictNames.Of(verdict)}: why");
    }

    [Test]
    public void Render_Counts_AddUpOnSuitesAndRoot()
    {
        var document = Samples.Document(
            Samples.Record("a/response/x", Verdict.Failed, "f"),
            Samples.Record("a/response/y", Verdict.Passed),
            Samples.Record("b/response/z", Verdict.Skipped, "s", layer: "bbb-0.9"));

        var root = Render(document).Root!;

        ((int)root.Attribute("tests")!).ShouldBe(3);
        ((int)root.Attribute("failures")!).ShouldBe(1);
        ((int)root.Attribute("skipped")!).ShouldBe(1);
        root.Elements("testsuite").Sum(s => (int)s.Attribute("tests")!).ShouldBe(3);
    }

    [Test]
    public void Render_RunThatCouldNotStart_IsOnePreflightError()
    {
        var document = Samples.Document() with
        {
            Verdict = RunVerdict.CouldNotRun,
            ExitCode = 2,
            AbortReason = "The target cannot be reached: connection refused.",
            Summary = "could not run: The target cannot be reached: connection refused.",
            Target = null,
        };

        var root = Render(document).Root!;

        var error = root.Descendants("error").Single();
        ((string?)error.Attribute("message")).ShouldBe("The target cannot be reached: connection refused.");
        ((int)root.Attribute("errors")!).ShouldBe(1);
    }

    [Test]
    public void Render_ControlCharactersFromTheTarget_StillGiveWellFormedXml()
    {
        var document = Samples.Document(Samples.Record("a/response/x", Verdict.Failed, "bad \u0001 byte \uD83D\uDE00"));

        var failure = Render(document).Descendants("failure").Single();

        ((string?)failure.Attribute("message")).ShouldBe("bad \uFFFD byte \uD83D\uDE00");
    }
}
