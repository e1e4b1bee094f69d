using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests.Kinds;

/// <summary>The meaning kinds (epoch-ms, time-order, sum-of-parts, length-minutes, count-matching, unique-key) in both directions: a target
/// breaking exactly one meaning rule fails that rule's case, and targets varying legitimately (a clock hours off,
/// a createDate in another time zone, reordered elements) fail none.</summary>
public sealed class MeaningCheckTests
{
    private static readonly string[] MeaningKinds = ["epoch-ms", "time-order", "sum-of-parts", "length-minutes", "count-matching", "unique-key"];

    /// <summary>Breaks that unavoidably break a second meaning rule too: a stats meeting ending before it starts
    /// also ends before its participants leave.</summary>
    private static readonly Dictionary<string, string[]> AlsoBroken = new(StringComparer.Ordinal)
    {
        ["getStats/response/stats/meeting/endTime#not-before-start"] = ["getStats/response/stats/meeting/participants/participant/leftTime#within-meeting"],
    };

    private static IReadOnlyList<ConformanceCase> MeaningCases() => [.. CaseCatalog.All.Where(c => MeaningKinds.Contains(c.Kind))];

    public static IEnumerable<TestCaseData> Breaks() =>
        Mutations.MeaningBreaks().Select((b, i) => new TestCaseData(i).SetName($"Breaking {b.RuleId} ({b.Break.Name})"));

    [Test]
    public void EveryMeaningRule_HasABreak() =>
        MeaningCases().Select(c => c.Id).Except(Mutations.MeaningBreaks().Select(b => b.RuleId)).ShouldBeEmpty();

    [TestCaseSource(nameof(Breaks))]
    [CancelAfter(120_000)]
    public async Task TargetBreakingOneMeaningRule_FailsThatRuleOnly(int index)
    {
        var (ruleId, mutation) = Mutations.MeaningBreaks()[index];
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), mutation);
        var outcome = await SuiteRun.RunAsync(target, cases: MeaningCases());

        outcome.AbortReason.ShouldBeNull();
        var result = outcome.Results.Single(r => r.Case.Id == ruleId);
        result.Verdict.ShouldBe(Verdict.Failed, result.Message);
        var allowed = AlsoBroken.GetValueOrDefault(ruleId) ?? [];
        outcome.Results.Where(r => r.Verdict == Verdict.Failed && r.Case.Id != ruleId && !allowed.Contains(r.Case.Id))
            .ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task TheFake_PassesEveryMeaningRule_WithWitnesses()
    {
        using var target = BrokenTargets.StartFake();
        var outcome = await SuiteRun.RunAsync(target, cases: MeaningCases());

        outcome.Results.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
        outcome.Results.Where(r => r.Witnesses.Count == 0 || r.Witnesses.Any(w => w.SpecId != r.Case.SpecId)).Select(r => r.Case.Id).ShouldBeEmpty();
    }

    public static IEnumerable<TestCaseData> Variations() =>
    [
        new TestCaseData(TimeSpan.FromHours(1), null).SetName("Varying: the server's clock an hour ahead"),
        new TestCaseData(TimeSpan.FromHours(-1), null).SetName("Varying: the server's clock an hour behind"),
        new TestCaseData(TimeSpan.FromDays(-3), null).SetName("Varying: the server's clock three days behind"),
        new TestCaseData(TimeSpan.Zero, "BRT").SetName("Varying: createDate in BRT (UTC-3)"),
        new TestCaseData(TimeSpan.Zero, "IST").SetName("Varying: createDate in IST (UTC+5:30)"),
        new TestCaseData(TimeSpan.Zero, "reorder").SetName("Varying: reordered children"),
        new TestCaseData(TimeSpan.Zero, "size-with-downloads").SetName("Varying: a recording's size counts its download formats too"),
    ];

    [TestCaseSource(nameof(Variations))]
    [CancelAfter(120_000)]
    public async Task TargetVaryingLegitimately_PassesEveryMeaningRule(TimeSpan skew, string? variation)
    {
        var options = BrokenTargets.DefaultOptions();
        options.Clock = skew == TimeSpan.Zero ? null : new OffsetClock(skew);
        Mutation[] mutations = variation switch
        {
            "BRT" => [Mutations.CreateDateInZone("BRT", TimeSpan.FromHours(-3))],
            "IST" => [Mutations.CreateDateInZone("IST", TimeSpan.FromHours(5.5))],
            "reorder" => [Mutations.ReorderChildren()],
            "size-with-downloads" => [Mutations.SizeIncludesDownloads()],
            _ => [],
        };
        using var target = BrokenTargets.Start(options, mutations);
        var outcome = await SuiteRun.RunAsync(target, cases: MeaningCases());

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
    }

    [Test]
    public void UnitProblem_AcceptsMillisecondsOnly()
    {
        ServerClock.UnitProblem(812, 800, 830).ShouldBeNull();
        ServerClock.UnitProblem(1, 800, 830).ShouldNotBeNull();
        ServerClock.UnitProblem(812_000, 800, 830).ShouldNotBeNull();
    }

    [TestCase("Thu Sep 18 19:17:10 UTC 2014", 1411067830029L, true)]
    [TestCase("Thu Sep 18 16:17:10 BRT 2014", 1411067830029L, true)]
    [TestCase("Thu Sep 18 19:17:11 UTC 2014", 1411067830029L, false)]
    [TestCase("Thu Sep 18 19:17:10 UTC 2014", 1411067830L, false)]
    [TestCase("Thu Sep 18 19:17:10 UTC 2014", 1411067830029000L, false)]
    [TestCase("Thu Sep 18 16:17:52 BRT 2014", 1411067830029L, false)]
    [TestCase("tHU sEP 18 19:17:10 utc 2014", 1411067830029L, false)]
    [TestCase("Fri Sep 18 19:17:10 UTC 2014", 1411067830029L, false)]
    [TestCase("", 1411067830029L, false)]
    public void DateProblem_TiesCreateTimeToCreateDate(string createDate, long createTime, bool agrees)
    {
        var answer = new Mconf.Conformance.Target.ApiAnswer("create", new Exchange("GET", "http://x/api/create", 200, "text/xml", null),
            $"<response><returncode>SUCCESS</returncode><createTime>{createTime}</createTime><createDate>{createDate}</createDate></response>");
        (ServerClock.DateProblem(answer, createTime) is null).ShouldBe(agrees);
    }
}
