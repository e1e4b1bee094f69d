using Mconf.Conformance;
using Mconf.Conformance.Model;
using Mconf.Mock;
using NUnit.Framework;

namespace Consumer.Tests;

// A server implementer's test: every getStats case of the Mconf.Conformance package as an NUnit test. Here the
// server is the fake from the Mconf.Mock package; a real project sets TargetUrl and Secret to its own server.
[TestFixture]
public class ConformanceTests
{
    private FakeMconfServer? _fake;
    private ConformanceSession? _session;

    public static IEnumerable<TestCaseData> Cases() =>
        CaseCatalog.All.Where(c => c.Call == "getStats").Select(c => new TestCaseData(c.Id).SetName(c.Id).SetCategory(c.Layer));

    [OneTimeSetUp]
    public async Task OpenAsync()
    {
        _fake = FakeMconfServer.Start(new FakeServerOptions { AutoConnect = true });
        _session = await ConformanceSession.OpenAsync(new RunOptions { TargetUrl = _fake.BaseUrl, Secret = _fake.Secret });
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
        switch (result.Verdict)
        {
            case Verdict.Passed: Assert.Pass(); break;
            case Verdict.Inconclusive: Assert.Inconclusive(result.Message); break;
            case Verdict.Skipped: Assert.Ignore(result.Message); break;
            default: Assert.Fail(result.Message); break;
        }
    }
}
