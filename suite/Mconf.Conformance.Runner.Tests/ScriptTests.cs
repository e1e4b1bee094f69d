using System.Diagnostics;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>run-conformance.sh itself, as a user runs it: it builds the runner when needed (the first time from a
/// fresh clone), certifies the embedded fake and exits 0 with the four reports. Output goes to a file, so no build
/// process that outlives the script can hold the test's pipes open.</summary>
[NonParallelizable]
public sealed class ScriptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string arguments, string logFile)
    {
        var root = RepoRoot.Path;
        var start = new ProcessStartInfo("bash", ["-c", $"./run-conformance.sh {arguments} >'{logFile}' 2>&1 </dev/null"])
        {
            WorkingDirectory = root,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MCONF_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"run-conformance.sh {arguments} did not finish within {Limit}: {File.ReadAllText(logFile)}");
        }

        return (process.ExitCode, File.ReadAllText(logFile));
    }

    [Test]
    public async Task Script_NoTargetOption_CertifiesTheFakeAndExitsZeroWithFourReports()
    {
        using var output = new TempDirectory();

        var (code, log) = await RunScriptAsync($"--out '{output.File("reports")}'", output.File("log.txt"));

        code.ShouldBe(0, log);
        log.TrimEnd().Split('\n')[^1].ShouldStartWith("conformant: ");
        var latest = Path.Combine(output.File("reports"), "latest");
        foreach (var name in new[] { "results.json", "junit.xml", "report.html", "summary.md" })
        {
            File.Exists(Path.Combine(latest, name)).ShouldBeTrue(name);
        }
    }

    [Test]
    public async Task Script_FakeDrivenBySuiteDriver_IsAFullCertification()
    {
        using var output = new TempDirectory();

        var (code, log) = await RunScriptAsync($"--presence-driver suite/drivers/fake-driver.sh --require-complete --out '{output.File("reports")}'", output.File("log.txt"));

        code.ShouldBe(0, log);
        log.TrimEnd().Split('\n')[^1].ShouldEndWith("Mconf-Live deltas verified: 50 of 50");
        log.ShouldContain("presence session (driver): ");
    }

    [Test]
    public async Task Script_BadOption_ExitsTwoWithOneReason()
    {
        using var output = new TempDirectory();

        var (code, log) = await RunScriptAsync("--no-such-option", output.File("log.txt"));

        code.ShouldBe(2, log);
        log.TrimEnd().Split('\n')[^1].ShouldBe("could not run: unknown option '--no-such-option' (see --help)");
    }
}
