using Mconf.Mock;

namespace Mconf.Sample.Client.Tests;

/// <summary>Runs samples/node-bigbluebutton-js/interop.mjs, which drives the fake with the unmodified npm client
/// bigbluebutton-js 0.2.0, against an in-process fake. Needs Node.js on PATH; installs the npm packages
/// (npm ci) when node_modules is missing.</summary>
[Category("interop")]
public sealed class ThirdPartyClientInteropTests
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task BigBlueButtonJs_PassesItsChecksAgainstTheFake()
    {
        var folder = RepoRoot.File("samples/node-bigbluebutton-js");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, [], InstallTimeout);
            install.ExitCode.ShouldBe(0, $"npm ci failed in {folder}:\n{install.Output}");
        }

        using var fake = FakeMconfServer.Start(new FakeServerOptions { AutoConnect = true });
        var run = await RunAsync("node", ["interop.mjs"], folder, new() { ["BBB_URL"] = fake.BaseUrl, ["BBB_SECRET"] = fake.Secret }, RunTimeout);
        run.ExitCode.ShouldBe(0, $"interop.mjs failed:\n{run.Output}");

        var unsigned = fake.Requests.Where(r => !r.IsSignedCorrectly).ToList();
        unsigned.ShouldBeEmpty("bigbluebutton-js requests the fake judged badly signed:\n" + string.Join('\n', unsigned));
        TestContext.Out.WriteLine(fake.Requests.Report().ToText());
    }

    /// <summary>Runs a program of the interop sample; a missing Node.js is named as such, not as a crash.</summary>
    private static async Task<ProgramResult> RunAsync(string program, string[] arguments, string folder, Dictionary<string, string?> environment, TimeSpan timeout)
    {
        try
        {
            return await ProgramRun.RunAsync(program, arguments, timeout, folder, environment);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"'{program}' is not on PATH ({ex.Message}). Install Node.js 18 or later (with npm) to run the third-party interop test, or exclude it with --filter TestCategory!=interop.");
            throw;
        }
    }
}
