using Mconf.Conformance;
using Mconf.Conformance.NUnitAdapter;
using Mconf.Mock;
using Mconf.Spec.Model;
using NUnit.Framework;

namespace Consumer.Tests;

// A server implementer's test: every getStats case of the Mconf.Conformance package as an NUnit test, with the
// kit's settings (appsettings.json, MCONF_* variables, test parameters: NUnitSettings) and its verdict mapping
// (NUnitVerdict). With no Target:Url the server is the fake from the Mconf.Mock package; a real project sets
// MCONF_TARGET__URL and MCONF_TARGET__SECRET to its own server.
[TestFixture]
public class ConformanceTests
{
    private FakeMconfServer? _fake;
    private ConformanceSession? _session;

    public static IEnumerable<TestCaseData> Cases() =>
        CaseCatalog.All.Where(c => c.Call == "getStats").Select(c => new TestCaseData(c.Id).SetName(c.Id).SetCategory(c.Layer.Layer()));

    [OneTimeSetUp]
    public async Task OpenAsync()
    {
        var settings = NUnitSettings.Load();
        RunOptions options;
        if (settings.TargetUrl is null)
        {
            _fake = FakeMconfServer.Start(new FakeServerOptions { AutoConnect = true });
            options = settings.ToRunOptions(_fake.BaseUrl, _fake.Secret, embedded: true);
        }
        else
        {
            options = settings.ToRunOptions();
        }

        _session = await ConformanceSession.OpenAsync(options);
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_session is not null)
        {
            await _session.CleanupAsync();
            await _session.DisposeAsync();
        }

        _fake?.Dispose();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Conforms(string caseId)
    {
        var result = await _session!.RunCaseAsync(CaseCatalog.All.Single(c => c.Id == caseId));
        NUnitVerdict.Report(result);
    }
}
