using System.Diagnostics;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>A big, slow server is judged like a small one: with 100,000 recordings and an unfiltered getRecordings
/// that takes 20 s (over the 10 s request timeout, within the list-call budget), the recording, meta-filter and
/// stats cases end with the verdicts they have on the fake's small defaults, and none fails.</summary>
public sealed class BigServerTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task HundredThousandRecordings_SlowList_SameVerdictsAsASmallServer()
    {
        var cases = CaseCatalog.All.Where(c => c.Call is "getRecordings" or "getStats").ToList();

        Dictionary<string, Verdict> small;
        using (var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions()))
        {
            var outcome = await SuiteRun.RunAsync(SuiteRun.Options(fake.BaseUrl, fake.Secret), cases);
            outcome.AbortReason.ShouldBeNull();
            small = outcome.Results.ToDictionary(r => r.Case.Id, r => r.Verdict);
        }

        var options = BrokenTargets.DefaultOptions();
        options.Recordings = 100_000;
        using var big = FakeMconfServer.Start(options);
        using var slow = SlowListServer.Start(big.BaseUrl, TimeSpan.FromSeconds(20));
        var watch = Stopwatch.StartNew();
        var bigOutcome = await SuiteRun.RunAsync(SuiteRun.Options(slow.BaseUrl, big.Secret), cases);
        watch.Stop();

        bigOutcome.AbortReason.ShouldBeNull();
        slow.Delayed.ShouldBeGreaterThan(0, "the unfiltered list was asked for, and was slow");
        var failed = bigOutcome.Results.Where(r => r.Verdict == Verdict.Failed).ToList();
        failed.ShouldBeEmpty(SuiteRun.Describe(failed));
        var differing = bigOutcome.Results.Where(r => small[r.Case.Id] != r.Verdict).ToList();
        differing.ShouldBeEmpty(SuiteRun.Describe(differing));
        bigOutcome.Timings.Slowest.ShouldContain(t => t.Call == "getRecordings" && t.Duration >= TimeSpan.FromSeconds(20), "the report lists the slow list among the slowest calls");
        TestContext.Out.WriteLine($"100,000 recordings, 20 s list: {watch.Elapsed.TotalSeconds:0.0} s, {slow.Delayed} unfiltered getRecordings");
    }
}
