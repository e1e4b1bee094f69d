using System.Diagnostics;
using Mconf.Spec;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>The presence semantics tested from the spec data, not case by case: for every element the spec says is
/// in every instance of its parent (or that its documented condition requires where the fake writes it), taking it out
/// of ONE present parent fails that element's case; for every optional element, taking it out everywhere never
/// passes. One fake behind one proxy whose mutation is swapped per run; one engine per case ID (--only).</summary>
public sealed class PresenceSemanticsTests : SwitchableTarget
{
    /// <summary>Elements the fake never writes in a run, so there is nothing to take out: getMeetings' envelope comes
    /// only with an empty list (the run's own meeting is always listed), and no publishRecordings success is observed.</summary>
    private static readonly string[] NeverWritten =
    [
        "getMeetings/response/messageKey",
        "getMeetings/response/message",
        "publishRecordings/response/published",
    ];

    private static IEnumerable<ConformanceCase> ElementCases() => CaseCatalog.All.Where(c => c.Kind == "element");

    /// <summary>Whether the element's spec makes it required somewhere: always, or a condition that can require it.</summary>
    private static bool CanBeRequired(ElementSpec element) =>
        element.AbsentWhen is not { } absent
        || absent.Kind is AbsenceKind.EmptyList or AbsenceKind.MessageKey or AbsenceKind.MessageKeyOnly or AbsenceKind.Count;

    [Test]
    [CancelAfter(480_000)]
    public async Task Removing_a_documented_child_from_one_present_parent_fails_its_case()
    {
        var spec = SpecCatalog.Load();
        var watch = Stopwatch.StartNew();
        var problems = new List<string>();
        var notApplicable = new List<string>();
        var checkedCount = 0;
        foreach (var c in ElementCases())
        {
            var element = (ElementSpec)spec.Find(c.SpecId)!;
            if (!CanBeRequired(element))
            {
                continue;
            }

            var removed = 0;
            Switch.Current = Mutations.RemoveFromOneParent(ProxyCall(c.Call), element.Path, () => Interlocked.Increment(ref removed));
            var outcome = await SuiteRun.RunAsync(Options(c.Id, c.Tier));
            if (outcome.AbortReason is not null)
            {
                // Without <returncode>, or an API root without <version>, the target is no BBB server at all: the
                // run stops as "could not run", which is how such a target is refused.
                checkedCount++;
                if ((element.Path != "returncode" && c.Call != "index") || Volatile.Read(ref removed) == 0)
                {
                    problems.Add($"{c.Id}: the run aborted: {outcome.AbortReason}");
                }

                continue;
            }

            var result = outcome.Results.Single(r => r.Case.Id == c.Id);
            if (Volatile.Read(ref removed) == 0)
            {
                // Nothing to take out: the case must not have passed on it either.
                notApplicable.Add(c.Id);
                if (result.Verdict != Verdict.Inconclusive)
                {
                    problems.Add($"{c.Id}: nothing was removed, yet {result.Verdict}: {result.Message}");
                }

                continue;
            }

            checkedCount++;
            // An answer without <returncode> is no BBB answer: the meetings it would show are not observed at all
            // (inconclusive), and the envelope cases fail it; it must never pass.
            var detected = result.Verdict == Verdict.Failed || (element.Path == "returncode" && result.Verdict == Verdict.Inconclusive);
            if (!detected)
            {
                problems.Add($"{c.Id}: <{element.Name}> removed from one <{(element.ParentPath.Length == 0 ? "response" : element.ParentPath)}>, yet {result.Verdict}: {result.Message}");
            }
        }

        Switch.Current = null;
        await TestContext.Out.WriteLineAsync($"{checkedCount} element cases failed on one removed child; not applicable: {string.Join(", ", notApplicable)}; {watch.Elapsed.TotalSeconds:F1} s");
        problems.ShouldBeEmpty(string.Join("\n\n", problems));
        notApplicable.Order(StringComparer.Ordinal).ShouldBe(NeverWritten.Order(StringComparer.Ordinal));
        checkedCount.ShouldBeGreaterThan(100);
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Removing_an_optional_element_everywhere_never_passes()
    {
        var spec = SpecCatalog.Load();
        var watch = Stopwatch.StartNew();
        var problems = new List<string>();
        var verdicts = new List<string>();
        foreach (var c in ElementCases())
        {
            var element = (ElementSpec)spec.Find(c.SpecId)!;
            if (element.AbsentWhen is not { } absent)
            {
                continue;
            }

            Switch.Current = Mutations.RemoveElement(ProxyCall(c.Call), element.Path);
            var result = await RunOneAsync(c);
            verdicts.Add($"{c.Id}: {result.Verdict}");
            // Absence a condition requires to be presence (an answer that is not noStats without <stats>) fails;
            // absence the documents allow leaves nothing observed: inconclusive, and never a witness.
            var expected = CanBeRequired(element) ? [Verdict.Failed, Verdict.Inconclusive] : new[] { Verdict.Inconclusive };
            if (!expected.Contains(result.Verdict) || (result.Verdict != Verdict.Failed && result.Witnesses.Count > 0))
            {
                problems.Add($"{c.Id} ({AbsenceCondition.Name(absent.Kind)}): removed everywhere, yet {result.Verdict} with {result.Witnesses.Count} witness(es): {result.Message}");
            }
        }

        Switch.Current = null;
        await TestContext.Out.WriteLineAsync($"{verdicts.Count} optional elements removed everywhere, {watch.Elapsed.TotalSeconds:F1} s:\n{string.Join("\n", verdicts)}");
        problems.ShouldBeEmpty(string.Join("\n\n", problems));
        verdicts.Count.ShouldBeGreaterThan(10);
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Unchanged_every_element_case_passes_or_is_inconclusive_with_witnesses_only_when_passing()
    {
        Switch.Current = null;
        var outcome = await SuiteRun.RunAsync(Options("element", CaseTier.Lifecycle) with { Only = [.. ElementCases().Select(c => c.Id)] });
        var results = outcome.Results;
        results.Count.ShouldBe(ElementCases().Count());
        results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(results.Where(r => r.Verdict == Verdict.Failed)));
        results.Where(r => r.Verdict == Verdict.Passed && r.Witnesses.Count == 0).Select(r => r.Case.Id).ShouldBeEmpty("passed without a witness");
        results.Where(r => r.Verdict == Verdict.Passed).ShouldAllBe(r => r.Witnesses.Select(w => w.Record).Distinct().Count() <= 3);
        results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Case.Id).Order(StringComparer.Ordinal)
            .ShouldBe(NeverWritten.Order(StringComparer.Ordinal));
    }

    /// <summary>The proxy names the API root's answers "" (its path has no call name).</summary>
    private static string ProxyCall(string call) => call == "index" ? "" : call;

    private RunOptions Options(string id, CaseTier tier) => SuiteRun.Options(Proxy.BaseUrl, Fake.Secret, tier) with { Only = [id], Parallelism = 2 };

    private async Task<CaseResult> RunOneAsync(ConformanceCase c)
    {
        var outcome = await SuiteRun.RunAsync(Options(c.Id, c.Tier));
        outcome.AbortReason.ShouldBeNull(c.Id);
        return outcome.Results.Single(r => r.Case.Id == c.Id);
    }
}
