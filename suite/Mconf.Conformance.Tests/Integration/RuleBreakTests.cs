using System.Diagnostics;
using Mconf.Spec;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>Rules that passed on the fake but had never met a target broken their way: the statement rules, the
/// getMeetings fields judged against getMeetingInfo, the checksum of each signed call. For each break of
/// <see cref="Mutations.RuleBreaks"/> the rule's case fails (neither passes nor stays inconclusive) while its
/// neighbours still pass; unbroken, every one of them passes. One fake behind one proxy whose mutation is swapped
/// per run, and one engine run per break with only the cases it is about.</summary>
public sealed class RuleBreakTests : SwitchableTarget
{
    private static IReadOnlyList<RuleBreak> Breaks() => Mutations.RuleBreaks(BrokenTargets.Secret);

    public static IEnumerable<TestCaseData> BreakRows() =>
        Breaks().Select((b, i) => new TestCaseData(i).SetName($"Breaking {b.RuleId} ({b.Break.Name})"));

    [TestCaseSource(nameof(BreakRows))]
    [CancelAfter(60_000)]
    public async Task A_target_breaking_the_rule_fails_its_case_and_passes_its_neighbours(int index)
    {
        // Built afresh: a stateful break starts with no memory of earlier runs.
        var row = Breaks()[index];
        Switch.Current = row.Break;
        RunOutcome outcome;
        try
        {
            outcome = await RunAsync([row.RuleId, .. row.StillPassing]);
        }
        finally
        {
            Switch.Current = null;
        }

        var result = outcome.Results.Single(r => r.Case.Id == row.RuleId);
        result.Verdict.ShouldBe(Verdict.Failed, result.Message);
        outcome.Results.Where(r => r.Case.Id != row.RuleId && r.Verdict != Verdict.Passed)
            .ShouldBeEmpty($"{row.Break.Name} broke more than {row.RuleId}:\n" + SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Unbroken_every_rule_passes_with_a_witness()
    {
        Switch.Current = null;
        var ids = Breaks().SelectMany(b => b.StillPassing.Prepend(b.RuleId)).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await RunAsync(ids);

        outcome.Results.Where(r => r.Verdict != Verdict.Passed || r.Witnesses.Count == 0)
            .ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed || r.Witnesses.Count == 0)));
    }

    /// <summary>The forms and kinds added for the statement table, the getMeetings fields judged against
    /// getMeetingInfo and the per-call checksum rules: each has at least one break, and every break names a case.</summary>
    [Test]
    public void Every_rule_of_these_families_has_a_break()
    {
        var broken = Breaks().Select(b => b.RuleId).ToHashSet(StringComparer.Ordinal);
        var family = SpecCatalog.Load().Rules.Where(r => r.Kind switch
        {
            "answer-value" or "running-attendees" => true,
            // echo-param's left-out and join forms (EchoParamCheck.Statements).
            "echo-param" => r.Args!["call"] == "join" || (r.Args["value"].Length == 0 && r.Args["param"] is "name" or "attendeePW" or "moderatorPW")
                // the passwords and name echoed, getMeetingInfo's voiceBridge and dialNumber kept as sent
                || r.Args["param"] is "name" or "attendeePW" or "moderatorPW" or "meetingID" || r.Id is "getMeetingInfo/response/voiceBridge#leading-zero" or "getMeetingInfo/response/dialNumber#symbols" or "getMeetingInfo/response/dialNumber#long-digits",
            "internal-meeting-id" => r.Args?.GetValueOrDefault("call") is "getRecordings" or "join",
            "error-answer" => r.Id == "error/noRecordings#unknown-meeting",
            "same-across-calls" => r.Id.EndsWith("#same-as-getMeetingInfo", StringComparison.Ordinal),
            "checksum" => r.About == "error/checksumError" && r.Args?.ContainsKey("call") == true,
            _ => false,
        }).Select(r => r.Id).ToList();

        family.Count.ShouldBeGreaterThanOrEqualTo(8 + 11 + 16 + 14);
        family.Where(id => !broken.Contains(id)).ShouldBeEmpty("rules without a break");
        Breaks().SelectMany(b => b.StillPassing.Prepend(b.RuleId)).Where(id => CaseCatalog.All.All(c => c.Id != id)).ShouldBeEmpty("breaks naming no case");
    }

    private async Task<RunOutcome> RunAsync(IReadOnlyList<string> ids)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(Proxy.BaseUrl, Fake.Secret) with { Only = [.. ids], Parallelism = 4 });
        await TestContext.Out.WriteLineAsync($"{watch.ElapsedMilliseconds} ms\n" + string.Join("\n", outcome.Results.Select(r => $"[{r.Verdict}] {r.Message}")));
        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Select(r => r.Case.Id).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        outcome.LeftoverMeetings.ShouldBeEmpty();
        return outcome;
    }
}
