namespace Mconf.Conformance.Tests.Integration;

/// <summary>The whole suite against the in-process fake: it certifies it, and leaves nothing behind.</summary>
public sealed class FakeTargetTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task WholeSuite_AgainstTheFake_NothingFailsAndInconclusivesSayWhy()
    {
        using var target = BrokenTargets.StartFake();
        var outcome = await SuiteRun.RunAsync(target);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(CaseCatalog.All.Count);
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
        outcome.Results.Where(r => r.Verdict is Verdict.Inconclusive or Verdict.Skipped).ShouldAllBe(r => r.Message.Length > 10);
        outcome.Target!.Flavour.ShouldBe("mconf-live");
        outcome.LeftoverMeetings.ShouldBeEmpty();
        await TestContext.Out.WriteLineAsync(string.Join("\n", outcome.Results.Where(r => r.Verdict != Verdict.Passed).Select(r => $"{r.Verdict} {r.Case.Id}: {r.Message}")));

        var left = await SuiteRun.FakeMeetingsAsync(target);
        left.Where(m => m.Id.Contains(outcome.RunId, StringComparison.Ordinal) && !m.Ended).ShouldBeEmpty();
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task WholeSuite_AgainstBbb09Fake_EveryMconfDeltaHasAFailedCase()
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(flavour: "bbb-0.9"));
        var outcome = await SuiteRun.RunAsync(target);

        outcome.AbortReason.ShouldBeNull();
        var failedSpecIds = outcome.Results.Where(r => r.Verdict == Verdict.Failed).Select(r => r.Case.SpecId).ToHashSet();
        SuiteRun.DeltaIds().Where(id => !failedSpecIds.Contains(id)).ShouldBeEmpty();
        // A 0.9 server lists a guest as an ordinary attendee: the guest=true variants fail, the others pass (and so
        // do the variants about what a guest join shares with any join: the 302, the XML, the moderator role).
        outcome.Results.Where(r => r.Case.SpecId == "join/request/guest" && r.Case.OptionalArg("mode") is null)
            .ShouldAllBe(r => r.Verdict == (r.Case.Arg("guest") == "true" ? Verdict.Failed : Verdict.Passed), SuiteRun.Describe(outcome.Results.Where(r => r.Case.SpecId == "join/request/guest").ToList()));
        // The 0.9 baseline holds.
        var baselineFailures = outcome.Results.Where(r => r.Verdict == Verdict.Failed && r.Case.Layer == Origin.Bbb09).ToList();
        baselineFailures.ShouldBeEmpty(SuiteRun.Describe(baselineFailures));
        outcome.Target!.Flavour.ShouldBe("bbb-0.9");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task ReadOnlyTier_CreatesNoMeeting()
    {
        using var target = BrokenTargets.StartFake();
        var before = await SuiteRun.FakeMeetingsAsync(target);
        var outcome = await SuiteRun.RunAsync(target, tier: CaseTier.ReadOnly);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
        outcome.Results.Where(r => r.Case.Tier == CaseTier.Lifecycle).ShouldAllBe(r => r.Verdict == Verdict.Skipped);
        (await SuiteRun.FakeMeetingsAsync(target)).Select(m => m.Id).Order().ShouldBe(before.Select(m => m.Id).Order());
        target.Fake.WireMock.LogEntries.Select(e => e.RequestMessage?.Path ?? "")
            .Where(p => p.EndsWith("/create", StringComparison.Ordinal) || p.EndsWith("/join", StringComparison.Ordinal) || p.EndsWith("/end", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task CancelledRun_StillEndsEveryMeetingItCreated()
    {
        using var target = BrokenTargets.StartFake();
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var outcome = await SuiteRun.RunAsync(target, onResult: _ =>
        {
            if (Interlocked.Increment(ref seen) == 20)
            {
                cancel.Cancel();
            }
        }, cancellationToken: cancel.Token);

        outcome.AbortReason.ShouldNotBeNull().ShouldContain("cancelled");
        var left = await SuiteRun.FakeMeetingsAsync(target);
        left.Where(m => m.Id.Contains(outcome.RunId, StringComparison.Ordinal) && !m.Ended).ShouldBeEmpty();
    }

    [Test]
    public async Task Preflight_WrongSecret_AbortsWithOneReason()
    {
        using var target = BrokenTargets.StartFake();
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(target) with { Secret = "not-the-secret" });
        outcome.AbortReason.ShouldNotBeNull().ShouldContain("rejected the shared secret");
        outcome.AbortReason.ShouldNotContain("not-the-secret");
        outcome.Results.ShouldBeEmpty();
    }

    [Test]
    public async Task Preflight_WrongPath_AbortsAsWrongUrl()
    {
        using var target = BrokenTargets.StartFake();
        var url = new Uri(target.BaseUrl).GetLeftPart(UriPartial.Authority) + "/not-bbb";
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(target, url: url));
        outcome.AbortReason.ShouldNotBeNull().ShouldContain("URL");
    }

    [Test]
    public async Task BaseUrlWithApiSuffix_IsAcceptedAndReported()
    {
        using var target = BrokenTargets.StartFake();
        var outcome = await SuiteRun.RunAsync(target, cases: [.. CaseCatalog.All.Where(c => c.Call == "index")], url: target.BaseUrl + "/api");
        outcome.AbortReason.ShouldBeNull();
        outcome.Target!.HadApiSuffix.ShouldBeTrue();
        outcome.Results.ShouldAllBe(r => r.Verdict == Verdict.Passed);
    }
}
