using Mconf.Conformance.Configuration;
using Mconf.Conformance.Hosting;
using Mconf.Conformance.NUnitAdapter;
using Mconf.Conformance.Target;
using Mconf.Mock;

namespace Mconf.Conformance.Suite;

/// <summary>Once per test run: binds the settings as every NUnit project of the kit does (<see cref="NUnitSettings"/>:
/// appsettings.json, <c>MCONF_*</c> environment variables, NUnit TestParameters such as <c>Target:Url</c>), starts the
/// embedded fake as the runner does (<see cref="EmbeddedFake"/>) when no URL is set, runs the preflight, and at the
/// end ends every meeting the run created.</summary>
[SetUpFixture]
public sealed class SuiteTarget
{
    private static ConformanceSession? _session;
    private static string? _abortReason;
    private FakeMconfServer? _fake;

    /// <summary>The session every case runs in; fails the calling test with the preflight's reason when there is none.</summary>
    public static ConformanceSession Session
    {
        get
        {
            if (_session is null)
            {
                Assert.Fail("The conformance run did not start: " + (_abortReason ?? "no session"));
            }

            return _session!;
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        RunOptions options;
        try
        {
            var settings = NUnitSettings.Load();
            if (settings.TargetUrl is null)
            {
                _fake = EmbeddedFake.Start(settings.FakeFlavour, TestContext.Progress.WriteLine);
                options = settings.ToRunOptions(_fake.BaseUrl, _fake.Secret, embedded: true);
            }
            else
            {
                options = settings.ToRunOptions();
            }

            _session = await ConformanceSession.OpenAsync(options);
            var target = _session.Fingerprint;
            await TestContext.Progress.WriteLineAsync(
                $"Target {target.Url} (given {(target.HadApiSuffix ? "with" : "without")} /api, version {target.ApiVersion}, " +
                $"checksum {target.ChecksumAlgorithm}{(target.Embedded ? ", embedded fake" : "")}); run {options.RunId}, tier {options.Tier}.");
        }
        catch (Exception ex) when (ex is PreflightFailed or FormatException or InvalidDataException or IOException)
        {
            _abortReason = ex.Message;
            Assert.Fail("The conformance run did not start: " + ex.Message);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null)
        {
            var leftovers = await _session.CleanupAsync();
            await TestContext.Progress.WriteLineAsync(leftovers.Count == 0
                ? "Every meeting the run created was ended."
                : "Meetings of the run still listed: " + string.Join(", ", leftovers));
            await TestContext.Progress.WriteLineAsync($"Target flavour: {_session.Fingerprint.Flavour}.");
            await _session.DisposeAsync();
            _session = null;
        }

        _fake?.Dispose();
    }
}
