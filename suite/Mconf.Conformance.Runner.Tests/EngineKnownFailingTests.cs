namespace Mconf.Conformance.Runner.Tests;

/// <summary>The known-failing list is applied by the engine (RunOptions.KnownFailing), so the NUnit suite's
/// session path and the runner give the same verdicts.</summary>
public sealed class EngineKnownFailingTests
{
    private const string Listed = "getMeetings/response/meetings/meeting/voiceBridge";

    [Test]
    public async Task EngineAndSession_ApplyTheListAlike()
    {
        using var target = Targets.PlainBbb09();
        var options = new RunOptions
        {
            TargetUrl = target.BaseUrl,
            Secret = target.Secret,
            Only = [Listed, "getMeetings/response/returncode"],
            KnownFailing = KnownFailingList.ParseLines($"{Listed}  plain 0.9 has no voiceBridge here\ngetMeetings/response/returncode  stale on purpose", "kf.txt"),
        };

        var outcome = await ConformanceEngine.RunAsync(options);
        await using var session = await ConformanceSession.OpenAsync(options);
        var viaSession = await session.RunCaseAsync(CaseCatalog.All.Single(c => c.Id == Listed));

        outcome.Results.Single(r => r.Case.Id == Listed).Verdict.ShouldBe(Verdict.KnownFailing);
        outcome.Results.Single(r => r.Case.Id == "getMeetings/response/returncode").Verdict.ShouldBe(Verdict.Failed);
        viaSession.Verdict.ShouldBe(Verdict.KnownFailing);
        viaSession.Message.ShouldStartWith("known failing (plain 0.9 has no voiceBridge here)");
    }
}
