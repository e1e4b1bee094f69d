namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class HtmlReportWriterTests
{
    [Test]
    public void Render_TextFromTheTarget_IsEscaped()
    {
        var document = Samples.Document(Samples.Record("create/response/voiceBridge", Verdict.Failed, "<script>alert(1)</script> & \"q\""));

        var html = HtmlReportWriter.Render(document);

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    [Test]
    public void Render_VerdictAndTotals_ComeBeforeFailuresAndFailuresBeforeTheDeltaTable()
    {
        var document = Samples.Document(
            Samples.Record("create/response/returncode", Verdict.Passed, layer: "bbb-0.9"),
            Samples.Record("create/response/voiceBridge", Verdict.Failed, "missing"));

        var html = HtmlReportWriter.Render(document);

        var banner = html.IndexOf("<header class=\"banner not-conformant\">", StringComparison.Ordinal);
        var failures = html.IndexOf("<section id=\"failures\">", StringComparison.Ordinal);
        var deltas = html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal);
        var all = html.IndexOf("<section id=\"all\">", StringComparison.Ordinal);
        banner.ShouldBeGreaterThanOrEqualTo(0);
        banner.ShouldBeLessThan(failures);
        failures.ShouldBeLessThan(deltas);
        deltas.ShouldBeLessThan(all);
        html[banner..failures].ShouldContain("1 failed");
    }

    [Test]
    public void Render_Page_IsSelfContained()
    {
        var html = HtmlReportWriter.Render(Samples.Document(Samples.Record("a/response/x", Verdict.Passed)));

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<style>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<link");
        html.ShouldNotContain("src=");
    }

    [Test]
    public void Render_DeltaRow_LinksItsCasesWithTheirVerdicts()
    {
        var html = HtmlReportWriter.Render(Samples.Document(Samples.Record("create/response/voiceBridge", Verdict.Failed, "missing")));

        var deltas = html[html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal)..];
        deltas.ShouldContain("<code>create/response/voiceBridge</code>");
        deltas.ShouldContain($"href=\"#{HtmlReportWriter.Anchor("create/response/voiceBridge")}\"");
        deltas.ShouldContain("<span class=\"badge failed\">failed</span>");
    }

    [Test]
    public void Anchor_IsOneToOne()
    {
        HtmlReportWriter.Anchor("a/b").ShouldNotBe(HtmlReportWriter.Anchor("a#b"));
        HtmlReportWriter.Anchor("a/b").ShouldNotBe(HtmlReportWriter.Anchor("a_2f_b"));
    }
}
