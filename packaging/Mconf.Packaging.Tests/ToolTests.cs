using Mconf.Packaging.Tests.Support;

namespace Mconf.Packaging.Tests;

/// <summary>The .NET tool as a user gets it: installed with `dotnet tool install` from the package folder into a
/// private tool path, then run by its command name.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ToolTests
{
    private string _command = "";

    [OneTimeSetUp]
    public async Task InstallAsync()
    {
        var sandbox = await NuGetSandbox.CreateAsync("tool");
        var toolPath = Path.Combine(sandbox.Folder, "bin");
        var install = await ProgramRun.RunAsync("dotnet",
            ["tool", "install", "Mconf.Conformance.Tool", "--version", Distribution.KitVersion, "--tool-path", toolPath, "--configfile", sandbox.ConfigFile],
            TimeSpan.FromMinutes(3), workingDirectory: sandbox.Folder, environment: sandbox.Environment);
        Assert.That(install.ExitCode, Is.Zero, "dotnet tool install failed: " + install.Describe());
        _command = Path.Combine(toolPath, "mconf-conformance");
        File.Exists(_command).ShouldBeTrue("the tool's command is installed as mconf-conformance");
    }

    [Test]
    public async Task Version_PrintsTheKitVersion()
    {
        var result = await ProgramRun.RunAsync(_command, ["--version"], TimeSpan.FromMinutes(1));
        result.ExitCode.ShouldBe(0, result.Describe());
        result.Stdout.Trim().ShouldStartWith(Distribution.KitVersion);
    }

    [Test]
    public async Task List_PrintsTheCasesWithoutRunning()
    {
        var result = await ProgramRun.RunAsync(_command, ["--list"], TimeSpan.FromMinutes(1));
        result.ExitCode.ShouldBe(0, result.Describe());
        result.Stdout.ShouldContain("getStats/request/meetingID");
        result.Stdout.ShouldContain("join/request/guest");
    }

    [Test]
    public async Task Certification_OfItsEmbeddedFake_IsConformant_AndWritesTheFourReports()
    {
        var reports = Path.Combine(Distribution.Root, "tool-reports");
        var result = await ProgramRun.RunAsync(_command, ["--out", reports], TimeSpan.FromMinutes(5), workingDirectory: Distribution.Root);
        result.ExitCode.ShouldBe(0, "exit 0 means conformant: " + result.Describe());
        var run = Directory.GetDirectories(reports).Single(d => !Path.GetFileName(d).StartsWith('.') && Path.GetFileName(d) != "latest");
        foreach (var report in new[] { "junit.xml", "report.html", "summary.md", "results.json" })
        {
            new FileInfo(Path.Combine(run, report)).Length.ShouldBeGreaterThan(0, report);
        }

        File.ReadAllText(Path.Combine(run, "junit.xml")).ShouldContain("getStats/request/meetingID");
    }
}
