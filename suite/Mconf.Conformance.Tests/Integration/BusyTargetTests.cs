namespace Mconf.Conformance.Tests.Integration;

/// <summary>The whole suite against a busy server (other tenants acting in the background at about four events a
/// second), with and without auto-connected joins, and with the kit's fake driver playing the presence session and
/// connecting every case's users: data moving between two calls makes nothing fail.</summary>
public sealed class BusyTargetTests
{
    private const int Period = 50;

    [TestCase(DrivenRun.AutoConnect)]
    [TestCase(DrivenRun.NoClient)]
    [TestCase(DrivenRun.Driver)]
    [CancelAfter(300_000)]
    public async Task WholeSuite_AgainstABusyTarget_NothingFails(string mode)
    {
        // Twenty events a second (the suite runs in seconds); the tenants are at work before the run starts.
        using var target = BusyTarget.Start(mode == DrivenRun.AutoConnect, period: TimeSpan.FromMilliseconds(Period));
        for (var i = 0; i < 100 && target.Events < 10; i++)
        {
            await Task.Delay(100);
        }

        var before = target.Events;
        var outcome = await SuiteRun.RunAsync(DrivenRun.For(SuiteRun.Options(target.BaseUrl, target.Secret), mode));

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(CaseCatalog.All.Count + (mode == DrivenRun.Driver ? Presence.SessionCases.All.Count : 0));
        var failed = outcome.Results.Where(r => r.Verdict == Verdict.Failed).ToList();
        await TestContext.Out.WriteLineAsync($"busy events: {target.Events} (refused {target.Refused}); duration {outcome.Duration}");
        await TestContext.Out.WriteLineAsync(string.Join("\n", outcome.Results.Where(r => r.Verdict != Verdict.Passed || r.Observations.Count > 0)
            .Select(r => $"{r.Verdict} {r.Case.Id}: {r.Message} {string.Join(" | ", r.Observations)}")));
        failed.ShouldBeEmpty(SuiteRun.Describe(failed));
        (target.Events - before).ShouldBeGreaterThan(0, "the background activity must run while the suite does");
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }
}
