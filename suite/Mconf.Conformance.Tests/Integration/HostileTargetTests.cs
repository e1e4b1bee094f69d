using System.Net;
using System.Net.Sockets;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>A target that answers the preflight well and then hangs, resets, floods, answers a DTD or redirects
/// off its host on one call: the cases of that call end saying what happened, the other cases keep running and
/// pass, and the run ends (within the test's bound) with the run's meetings ended. An answer that only exceeds a
/// budget of the run (time, size) makes its cases inconclusive naming the option that lets it complete: a huge or
/// endless answer cannot be told from a big server's legitimate one until it ends, so the run is never certified,
/// never failed for it. Content that is wrong (not XML, a DTD) or a broken connection fails.</summary>
public sealed class HostileTargetTests
{
    private const long SmallLimit = 1024 * 1024;

    [TestCase(Hostility.Endless, "over the 1 MB body limit|did not complete within 4 s", null)]
    [TestCase(Hostility.Huge, "over the 1 MB body limit (Content-Length 209715200 bytes)", "not a BBB answer")]
    [TestCase(Hostility.HugeUndeclared, "over the 1 MB body limit", "not a BBB answer")]
    [TestCase(Hostility.Hang, "no answer within 4 s", null)]
    [TestCase(Hostility.Trickle, "did not complete within 4 s", null)]
    [TestCase(Hostility.Reset, null, "no answer to GET")]
    [TestCase(Hostility.Dtd, null, "XML with a DTD")]
    [CancelAfter(180_000)]
    public async Task OneHostileCall_EndsItsCasesSayingWhy_AndTheOthersRun(Hostility how, string? limit, string? wrong)
    {
        using var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        using var hostile = HostileServer.Start(fake.BaseUrl, "getRecordings", how);
        using (var warm = new HttpClient())
        {
            // A cold start (JIT, first connections) is not what the short timeout is about.
            await warm.GetStringAsync(hostile.BaseUrl + "/api");
        }

        var options = SuiteRun.Options(hostile.BaseUrl, fake.Secret) with
        {
            RequestTimeout = TimeSpan.FromSeconds(4),
            ListCallTimeout = TimeSpan.FromSeconds(4),
            MaxBodyBytes = SmallLimit,
        };
        var cases = CaseCatalog.All.Where(c => c.Call is "getRecordings" or "getMeetings" or "create").ToList();
        var outcome = await SuiteRun.RunAsync(options, cases);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(cases.Count);
        hostile.HostileRequests.ShouldBeGreaterThan(0);
        var recordings = outcome.Results.Where(r => r.Case.Call == "getRecordings").ToList();
        bool Said(string? phrases, string message) => phrases is not null && phrases.Split('|').Any(message.Contains);
        var unexplained = recordings.Where(r => !(
            (r.Verdict == Verdict.Inconclusive && Said(limit, r.Message) && r.Message.Contains("lets it complete", StringComparison.Ordinal))
            || (r.Verdict == Verdict.Failed && Said(wrong, r.Message)))).ToList();
        unexplained.ShouldBeEmpty(SuiteRun.Describe(unexplained));
        if (limit is not null)
        {
            recordings.ShouldContain(r => r.Verdict == Verdict.Inconclusive, "a budget exceeded is reported as such");
        }

        var others = outcome.Results.Where(r => r.Case.Call != "getRecordings" && r.Verdict == Verdict.Failed).ToList();
        others.ShouldBeEmpty(SuiteRun.Describe(others));
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RedirectOffHost_IsNeverFollowed()
    {
        using var elsewhere = new TcpListener(IPAddress.Loopback, 0);
        elsewhere.Start();
        var port = ((IPEndPoint)elsewhere.LocalEndpoint).Port;
        using var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        using var hostile = HostileServer.Start(fake.BaseUrl, "*", Hostility.RedirectOffHost, $"http://localhost:{port}/bigbluebutton/api/getMeetingInfo");
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(hostile.BaseUrl, fake.Secret), [.. CaseCatalog.All.Where(c => c.Call is "getMeetingInfo" or "join")]);

        outcome.AbortReason.ShouldBeNull();
        hostile.HostileRequests.ShouldBeGreaterThan(0);
        elsewhere.Pending().ShouldBeFalse("nothing connected to the other host");
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldNotBeEmpty();
    }

    [Test]
    public async Task RedirectOffHostAtTheApiRoot_AbortsSayingSo()
    {
        using var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        using var hostile = HostileServer.Start(fake.BaseUrl, "", Hostility.RedirectOffHost, "http://conformance-elsewhere.invalid/bigbluebutton/api");
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(hostile.BaseUrl, fake.Secret));
        outcome.AbortReason.ShouldNotBeNull().ShouldContain("redirects to another host");
    }

    [Test]
    public async Task DtdAtTheApiRoot_IsReportedAsADtd()
    {
        using var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        using var hostile = HostileServer.Start(fake.BaseUrl, "", Hostility.Dtd);
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(hostile.BaseUrl, fake.Secret));
        outcome.AbortReason.ShouldNotBeNull().ShouldContain("DTD");
        outcome.AbortReason.ShouldNotContain("not a BBB API");
    }
}
