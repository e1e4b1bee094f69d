namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class CompareWriterTests
{
    [Test]
    public void Render_ShowsEveryCaseOnceWithOneCellPerTarget_DifferencesFirst()
    {
        var reference = Samples.Document(
            Samples.Record("create/response/voiceBridge", Verdict.Passed),
            Samples.Record("create/response/returncode", Verdict.Passed, layer: "bbb-0.9"));
        var candidate = Samples.Document(
            Samples.Record("create/response/voiceBridge", Verdict.Failed, "missing <voiceBridge>"),
            Samples.Record("create/response/returncode", Verdict.Passed, layer: "bbb-0.9")) with
        { Target = new TargetInfo("https://candidate.example/bigbluebutton/api/", "0.9", "bbb-0.9", "sha1", false, false) };

        var html = CompareWriter.Render([reference, candidate]);

        var differences = html[html.IndexOf("<section id=\"differences\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal)];
        differences.ShouldContain("<code>create/response/voiceBridge</code>");
        differences.ShouldNotContain("<code>create/response/returncode</code>");
        differences.ShouldContain("title=\"missing &lt;voiceBridge&gt;\">FAIL</td>");
        html.ShouldContain("https://candidate.example/bigbluebutton/api/");
        var all = html[html.IndexOf("<section id=\"all\">", StringComparison.Ordinal)..];
        all.Split("<tr").Length.ShouldBe(1 + 1 + 2); // before the first row, the header row, two cases
    }

    [Test]
    public void Render_CaseMissingOnOneTarget_IsADash()
    {
        var html = CompareWriter.Render([
            Samples.Document(Samples.Record("a/response/x", Verdict.Passed)),
            Samples.Document(Samples.Record("a/response/y", Verdict.Passed))]);

        html.ShouldContain("<td class=\"cell absent\">—</td>");
    }
}
