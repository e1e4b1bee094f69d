using Mconf.Conformance.Model;
using CaseVerdict = Mconf.Conformance.Model.Verdict;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>The run's verdict, its exit code and its closing line, from the (known-failing adjusted) results.
/// Incomplete (no failure, some delta unverified) is its own verdict. A run that verified nothing is not a pass: "no results" must never read as "no failures".</summary>
public sealed record Judgement(RunVerdict Verdict, int ExitCode, string Line)
{
    public static Judgement CouldNotRun(string reason) =>
        new(RunVerdict.CouldNotRun, ExitCodes.CouldNotRun, "could not run: " + OneLine(reason));

    /// <summary>A run stopped by a signal: not a verdict on the target, whatever the finished cases found.</summary>
    public static Judgement Interrupted(IReadOnlyList<CaseResult> results, int selected, int leftovers)
    {
        ArgumentNullException.ThrowIfNull(results);
        var totals = VerdictTotals.Of(results.Select(r => r.Verdict));
        var meetings = leftovers == 0 ? "the run's meetings were ended" : $"{leftovers} meeting(s) of the run could not be ended (listed in the reports; the cleanup command ends them)";
        return new Judgement(RunVerdict.Interrupted, ExitCodes.Interrupted,
            $"interrupted: {results.Count} of {selected} cases ran ({totals.Passed} passed, {totals.Failed} failed) before the run was stopped; {meetings}; partial reports written");
    }

    public static Judgement Of(string? abortReason, IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (abortReason is not null)
        {
            return CouldNotRun(abortReason);
        }

        var totals = VerdictTotals.Of(results.Select(r => r.Verdict));
        if (totals.Total == 0)
        {
            return CouldNotRun("no case ran: the selection (--only, --skip, --tier) matched no case");
        }

        if (totals.Passed + totals.Failed + totals.KnownFailing == 0)
        {
            return CouldNotRun($"nothing was verified: {totals.Inconclusive} inconclusive, {totals.Skipped} skipped of {totals.Total} cases");
        }

        if (totals.Failed > 0)
        {
            var failed = results.Where(r => r.Verdict == CaseVerdict.Failed).Select(r => r.Case.Id).Order(StringComparer.Ordinal);
            return new Judgement(RunVerdict.NotConformant, ExitCodes.NotConformant,
                $"not conformant: {totals.Failed} failed: {string.Join(", ", failed)}");
        }

        return new Judgement(RunVerdict.Conformant, ExitCodes.Conformant,
            $"conformant: {totals.Passed} of {totals.Total} cases passed ({totals.Inconclusive} inconclusive, {totals.Skipped} skipped, {totals.KnownFailing} known-failing)");
    }

    /// <summary>As <see cref="Of(string?, IReadOnlyList{CaseResult})"/>, then weighed against the delta table: a run
    /// without failure that left a documented delta unverified is <see cref="RunVerdict.Incomplete"/> (exit 0, or
    /// <see cref="ExitCodes.Incomplete"/> with <paramref name="requireComplete"/>), never a certification.</summary>
    public static Judgement Of(string? abortReason, IReadOnlyList<CaseResult> results, IReadOnlyList<DeltaRecord> deltas, bool requireComplete)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var judgement = Of(abortReason, results);
        var verified = deltas.Count(d => d.Verified);
        var count = $"Mconf-Live deltas verified: {verified} of {deltas.Count}";
        if (judgement.Verdict != RunVerdict.Conformant)
        {
            return judgement;
        }

        var totals = VerdictTotals.Of(results.Select(r => r.Verdict));
        var cases = $"{totals.Passed} of {totals.Total} cases passed ({totals.Inconclusive} inconclusive, {totals.Skipped} skipped, {totals.KnownFailing} known-failing)";
        if (verified == deltas.Count)
        {
            return judgement with { Line = $"conformant: {cases}; {count}" };
        }

        return new Judgement(RunVerdict.Incomplete, requireComplete ? ExitCodes.Incomplete : ExitCodes.Conformant,
            $"incomplete: no failure, but {count}; {deltas.Count - verified} unverified (listed above, with the command that verifies them); {cases}");
    }

    /// <summary>The finding of a case's message: its first line, without the case ID the engine puts in front
    /// (the ID is shown beside it anyway); the lines after it are evidence.</summary>
    public static string Finding(string message, string caseId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(caseId);
        var first = message.Split('\n', 2)[0].Trim();
        return first.StartsWith(caseId + ": ", StringComparison.Ordinal) ? first[(caseId.Length + 2)..] : first;
    }

    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
