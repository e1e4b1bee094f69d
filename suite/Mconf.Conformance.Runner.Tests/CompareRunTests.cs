namespace Mconf.Conformance.Runner.Tests;

public sealed class CompareRunTests
{
    [Test]
    public async Task Compare_TwoRuns_RendersOneMatrixWithBothTargets()
    {
        using var output = new TempDirectory();
        var reference = await RunnerHarness.CertifyAsync(output.File("reference"), null, "--only", "getMeetings/*");
        var candidate = await RunnerHarness.CertifyAsync(output.File("candidate"), null, "--only", "getMeetings/*", "--fake-flavour", "bbb-0.9");
        var page = output.File("compare.html");

        // A run folder, and a reports root (resolved through its latest pointer).
        var run = await RunnerHarness.InvokeAsync(output.Path, null, "compare", reference.ReportFolder!, output.File("candidate"), "--out", page);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Stdout.ShouldContain($"compared 2 runs: {page}");
        var html = File.ReadAllText(page);
        html.ShouldContain("<h1>Mconf-Live conformance: 2 targets side by side</h1>");
        html.ShouldContain("<td>bbb-0.9</td>");
        html.ShouldContain("<td>mconf-live</td>");
        var differences = html[html.IndexOf("<section id=\"differences\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"all\">", StringComparison.Ordinal)];
        differences.ShouldContain("getMeetings/response/meetings/meeting/voiceBridge");
        candidate.ExitCode.ShouldBe(ExitCodes.NotConformant);
    }

    [Test]
    public async Task Compare_FolderWithoutResults_ExitsTwo()
    {
        using var output = new TempDirectory();

        var run = await RunnerHarness.InvokeAsync(output.Path, null, "compare", output.Path);

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldBe($"could not run: compare: no results.json in {output.Path}");
    }

    [Test]
    public async Task Compare_DefaultOutput_IsCompareHtmlInTheReportsRoot()
    {
        using var output = new TempDirectory();
        var reports = output.File("reports");
        await RunnerHarness.CertifyAsync(reports, null, "--only", "getMeetings/*");

        var run = await RunnerHarness.InvokeAsync(output.Path, new Dictionary<string, string?> { ["MCONF_RUN__OUT"] = reports }, "compare", reports);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        File.Exists(Path.Combine(reports, CompareWriter.DefaultFileName)).ShouldBeTrue();
    }
}
