namespace Mconf.Conformance.Tests.Integration;

/// <summary>A getMeetings whose createTimes are microseconds (past year 9999 as milliseconds) is wrong content for the
/// cases to fail, not a reason for the run to throw: the engine reads those times too, to find earlier runs' meetings.</summary>
public sealed class OutOfRangeTimeTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task CreateTimesInMicroseconds_FailTheirCase_AndTheRunCompletes()
    {
        using var fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        var mutant = AnswerMutants.All().Single(m => m.Id == "getMeetings/response/meetings/meeting/createTime@times-1000");
        using var proxy = MutatingProxy.Start(fake.BaseUrl, mutant.Create(fake));

        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(proxy.BaseUrl, BrokenTargets.Secret), SuiteRun.CasesOfCall("getMeetings"));

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.ShouldNotContain(r => r.Message.Contains("an error in the suite", StringComparison.Ordinal), SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
        outcome.Results.ShouldContain(r => r.Verdict == Verdict.Failed && r.Case.Id.Contains("createTime", StringComparison.Ordinal));
    }
}
