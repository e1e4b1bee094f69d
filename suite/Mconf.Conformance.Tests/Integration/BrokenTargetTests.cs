namespace Mconf.Conformance.Tests.Integration;

/// <summary>For each documented Mconf-Live delta, a target lacking exactly that delta makes at least one case with
/// that spec ID fail; targets varying only in legitimate ways make nothing fail.</summary>
public sealed class BrokenTargetTests
{
    public static IEnumerable<TestCaseData> Deltas() => SuiteRun.DeltaIds().Select(id => new TestCaseData(id).SetName($"Lacking {id}"));

    [TestCaseSource(nameof(Deltas))]
    [CancelAfter(120_000)]
    public async Task TargetLackingDelta_FailsACaseWithItsId(string specId)
    {
        using var target = BrokenTargets.Start(specId);
        var outcome = await SuiteRun.RunAsync(target, cases: SuiteRun.CasesAbout(specId));

        outcome.AbortReason.ShouldBeNull();
        var failing = outcome.Results.Where(r => r.Verdict == Verdict.Failed && r.Case.SpecId == specId).ToList();
        await TestContext.Out.WriteLineAsync($"MUTANT {specId} -> {string.Join(", ", failing.Select(r => r.Case.Id))}");
        failing.ShouldNotBeEmpty($"no case with SpecId {specId} failed against {target}:\n" + SuiteRun.Describe(outcome.Results.Where(r => r.Case.SpecId == specId)));
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }

    /// <summary>streamName is optional (an attendee may share no webcam), so its element case cannot see it missing;
    /// the videoCount consistency case does.</summary>
    [Test]
    [CancelAfter(120_000)]
    public async Task TargetLackingStreamName_FailsTheVideoCountCase()
    {
        using var target = BrokenTargets.Start("getMeetingInfo/response/attendees/attendee/videoStreams/streamName");
        var outcome = await SuiteRun.RunAsync(target, cases: [.. CaseCatalog.All.Where(c => c.Kind == "video-count")]);
        outcome.Results.ShouldNotBeEmpty();
        outcome.Results.ShouldAllBe(r => r.Verdict == Verdict.Failed);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task TargetWithoutGetStats_FailsEveryStatsCase()
    {
        using var target = BrokenTargets.Start("getStats");
        var outcome = await SuiteRun.RunAsync(target, cases: SuiteRun.CasesOfCall("getStats"));
        outcome.Results.Where(r => r.Case.Kind != "element" || r.Case.Id == "getStats/response/stats").ShouldAllBe(r => r.Verdict == Verdict.Failed);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Failure_SaysIdExpectedGotRedactedRequestAndRawAnswer()
    {
        using var target = BrokenTargets.Start("create/response/voiceBridge");
        var outcome = await SuiteRun.RunAsync(target, cases: [.. CaseCatalog.All.Where(c => c.Id == "create/response/voiceBridge")]);
        var result = outcome.Results.Single();
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldStartWith("create/response/voiceBridge: expected <voiceBridge> in the create answer; got");
        result.Message.ShouldContain("request: GET " + target.BaseUrl + "/api/create?");
        result.Message.ShouldContain("checksum=***");
        result.Message.ShouldContain("<returncode>SUCCESS</returncode>");
        result.Message.ShouldNotContain(target.Secret);
        result.Evidence.ShouldAllBe(e => !e.Url.Contains(target.Secret) && !(e.Body ?? "").Contains(target.Secret));
    }

    public static IEnumerable<TestCaseData> Variations() =>
        Mutations.LegitimateVariations().Select(m => new TestCaseData(m.Name).SetName($"Varying: {m.Name}"));

    [TestCaseSource(nameof(Variations))]
    [CancelAfter(300_000)]
    public async Task TargetVaryingLegitimately_NothingFails(string variation)
    {
        using var target = BrokenTargets.StartVarying(Mutations.LegitimateVariations().Single(m => m.Name == variation));
        var outcome = await SuiteRun.RunAsync(target);
        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Sha1OnlyTarget_NothingFails()
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(sha1Only: true));
        var outcome = await SuiteRun.RunAsync(target);
        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
    }
}
