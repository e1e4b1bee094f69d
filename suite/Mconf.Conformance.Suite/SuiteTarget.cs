using Mconf.Conformance.Configuration;
using Mconf.Conformance.Target;
using Mconf.Mock;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Suite;

/// <summary>Once per test run: reads the target from configuration (appsettings.json, <c>MCONF_*</c> environment
/// variables, NUnit TestParameters such as <c>Target:Url</c>), starts the in-process fake when no URL is set,
/// runs the preflight, and at the end ends every meeting the run created.</summary>
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
        var configuration = ConformanceSettings.Build(TestContext.CurrentContext.TestDirectory, null, TestParameters());
        RunOptions options;
        try
        {
            if (ConformanceSettings.HasTarget(configuration))
            {
                options = ConformanceSettings.ToRunOptions(configuration);
            }
            else
            {
                _fake = FakeMconfServer.Start(new FakeServerOptions { Port = 0, Secret = "suite-" + new Mconf.Conformance.Target.RandomSource(42).Hex(32), Seed = 42, AutoConnect = true });
                options = ConformanceSettings.ToRunOptions(configuration, _fake.BaseUrl, _fake.Secret, embedded: true);
            }

            // Run:KnownFailing (MCONF_RUN__KNOWNFAILING): the runner's --known-failing file, applied by the engine.
            if (configuration["Run:KnownFailing"] is { Length: > 0 } knownFailing)
            {
                options = options with { KnownFailing = KnownFailingList.Load(knownFailing) };
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

    /// <summary>NUnit TestParameters (<c>-- TestRunParameters.Parameter(name="Target:Url", value="...")</c> or a
    /// .runsettings file); <c>Target.Url</c> and <c>TARGET__URL</c> spellings are accepted too.</summary>
    private static Dictionary<string, string?> TestParameters()
    {
        var parameters = TestContext.Parameters;
        return parameters.Names.ToDictionary(
            name => name.Replace("__", ":", StringComparison.Ordinal).Replace('.', ':'),
            name => parameters[name],
            StringComparer.OrdinalIgnoreCase);
    }
}
