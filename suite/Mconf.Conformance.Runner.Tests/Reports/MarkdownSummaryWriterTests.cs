namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class MarkdownSummaryWriterTests
{
    [Test]
    public void Render_StatesTheVerdictTotalsAndFailures()
    {
        var md = MarkdownSummaryWriter.Render(Samples.Document(
            Samples.Record("create/response/voiceBridge", Verdict.Failed, "voiceBridge is missing"),
            Samples.Record("create/response/returncode", Verdict.Passed, layer: "bbb-0.9")));

        md.ShouldStartWith("### ❌ Mconf-Live conformance: not conformant");
        md.ShouldContain("| 1 | 1 | 0 | 0 | 0 | 2 |");
        md.ShouldContain("- `create/response/voiceBridge`: `voiceBridge is missing`");
    }

    [Test]
    public void Render_MessageWithMarkup_StaysInACodeSpan()
    {
        var md = MarkdownSummaryWriter.Render(Samples.Document(Samples.Record("a/response/x", Verdict.Failed, "got <b>`x`</b> | y")));

        md.ShouldContain("- `a/response/x`: `` got <b>`x`</b> | y ``");
    }

    [Test]
    public void Render_Failure_ShowsTheFindingNotTheEvidence()
    {
        var md = MarkdownSummaryWriter.Render(Samples.Document(
            Samples.Record("a/response/x", Verdict.Failed, "a/response/x: expected <x>; got none\n  request: GET http://h/api/a?checksum=***")));

        md.ShouldContain("- `a/response/x`: `expected <x>; got none`\n");
        md.ShouldNotContain("request: GET");
    }

    [Test]
    public void Render_LongList_IsCut()
    {
        var cases = Enumerable.Range(0, MarkdownSummaryWriter.MaxListed + 3).Select(i => Samples.Record($"a/response/x{i:00}", Verdict.Failed, "f")).ToArray();

        var md = MarkdownSummaryWriter.Render(Samples.Document(cases));

        md.ShouldContain("- … and 3 more");
    }
}
