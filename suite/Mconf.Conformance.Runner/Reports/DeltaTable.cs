using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Builds the delta table: every Mconf-Live delta the generator listed, the kit's cases for it (the cases
/// whose spec ID is the entry or a rule about it, <c>&lt;id&gt;#slug</c>; for a new call, all its cases) and
/// their joint outcome, worst first: failed, known-failing, inconclusive, passed, skipped. A delta is
/// <see cref="DeltaRecord.Verified"/> only through an observation of its own value: none of its cases failed, and at
/// least one of them that is not merely supporting passed AND left a witness (a value it observed and judged) under
/// the delta's ID or its own spec ID. A case that passed on absence, or on nothing it saw, leaves none. Otherwise the
/// row says why not and which command would verify it; a verified row carries a few of its witnesses.</summary>
public static class DeltaTable
{
    public const string NotRun = "not-run";
    public const string NoCase = "no-case";

    /// <summary>Witnesses shown per verified delta (results.json, report.html, summary.md): a few, not all.</summary>
    public const int MaxEvidence = 3;

    private static readonly Verdict[] Severity = [Verdict.Failed, Verdict.KnownFailing, Verdict.Inconclusive, Verdict.Passed, Verdict.Skipped];

    public static IReadOnlyList<DeltaRecord> Build(IReadOnlyList<DeltaEntry> deltas, IReadOnlyList<ConformanceCase> catalogue, IReadOnlyList<CaseRecord> ran)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ran);
        var verdicts = ran.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Verdict, StringComparer.Ordinal);
        var messages = ran.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var witnesses = ran.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Witnesses, StringComparer.Ordinal);
        var rows = new List<DeltaRecord>();

        void Add(string id, string kind, string call, string description, bool inWiki, SourceRef source, Func<ConformanceCase, bool> covers)
        {
            var covering = catalogue.Where(covers).DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
            var cases = covering.Select(c => c.Id).ToList();
            var outcome = Outcome(cases, verdicts);
            var seen = cases.Where(verdicts.ContainsKey).Select(c => verdicts[c]).ToList();
            // A supporting case (how a request is refused or answered, not the behaviour the delta documents) can
            // fail its delta but never verifies it alone: a passing checksum check says nothing of guests.
            var passing = covering.Where(c => !c.IsSupporting && verdicts.GetValueOrDefault(c.Id, Verdict.Skipped) == Verdict.Passed).ToList();
            // Only what a passing case observed of this delta's own value counts: its witnesses under the delta's ID,
            // or under the case's spec ID (the entry or rule through which the case is about the delta).
            var evidence = passing
                .SelectMany(c => witnesses.GetValueOrDefault(c.Id, []).Where(w => WitnessRule.CountsFor(w.SpecId, id, c.SpecId))
                    .Select(w => new DeltaEvidence(c.Id, w.Request, w.Record, w.Value)))
                .ToList();
            var failedOrKnown = seen.Contains(Verdict.Failed) || seen.Contains(Verdict.KnownFailing);
            var verified = evidence.Count > 0 && !failedOrKnown;
            var blind = !failedOrKnown && passing.Count > 0 && evidence.Count == 0;
            rows.Add(new DeltaRecord(id, kind, call, description, inWiki, $"{source.Doc} {source.Section}".Trim(), cases, outcome)
            {
                Verified = verified,
                Evidence = verified ? Few(evidence) : [],
                WitnessCount = verified ? evidence.Count : 0,
                Reason = verified ? null : blind ? Unobserved(id, passing, cases, verdicts, messages) : Reason(outcome, cases, verdicts, messages),
                VerifyWith = verified ? null : Command(id, blind ? "inconclusive" : outcome, cases, verdicts, messages),
            });
        }

        // The generator lists the deltas (fixtures/deltas), each with how its cases are found: no spec at run time.
        foreach (var delta in deltas)
        {
            Add(delta.Id, delta.Kind, delta.Call, delta.Description, delta.InWiki, delta.Source, delta.IsCoveredBy);
        }

        return rows;
    }

    /// <summary>A few witnesses, from as many cases and values as there are, in the order they were left.</summary>
    private static List<DeltaEvidence> Few(IReadOnlyList<DeltaEvidence> evidence)
    {
        var picked = evidence.DistinctBy(e => e.Case, StringComparer.Ordinal).Take(MaxEvidence).ToList();
        foreach (var e in evidence)
        {
            if (picked.Count >= MaxEvidence)
            {
                break;
            }

            if (!picked.Contains(e) && !picked.Any(p => p.Value == e.Value && p.Record == e.Record))
            {
                picked.Add(e);
            }
        }

        return picked;
    }

    /// <summary>Why a delta whose cases passed is not verified: none of them observed a value of it (it passed on
    /// absence, or judged nothing); an inconclusive case's reason says what was missing.</summary>
    private static string Unobserved(string id, IReadOnlyList<ConformanceCase> passing, IReadOnlyList<string> cases, IReadOnlyDictionary<string, Verdict> verdicts, IReadOnlyDictionary<string, string> messages)
    {
        var names = string.Join(", ", passing.Take(3).Select(c => c.Id)) + (passing.Count > 3 ? $" and {passing.Count - 3} more" : "");
        var text = $"passed without observing a value of {id}: {names} left no witness of it (no value of it observed and judged in an answer)";
        var first = cases.Where(verdicts.ContainsKey).FirstOrDefault(c => verdicts[c] is Verdict.Inconclusive);
        return first is null ? text : $"{text}; {VerdictNames.Of(verdicts[first])}: {Judgement.Finding(messages[first], first)}";
    }

    /// <summary>Why a delta is not verified, from its cases: the first non-pass reason.</summary>
    private static string Reason(string outcome, IReadOnlyList<string> cases, IReadOnlyDictionary<string, Verdict> verdicts, IReadOnlyDictionary<string, string> messages)
    {
        switch (outcome)
        {
            case NoCase:
                return "the kit has no case for it";
            case NotRun:
                return "its cases were not selected (--only/--skip)";
            case "failed":
                return "a case about it failed";
            case "known-failing":
                return "a case about it fails (listed as known-failing)";
        }

        var first = cases.Where(verdicts.ContainsKey).FirstOrDefault(c => verdicts[c] is Verdict.Inconclusive or Verdict.Skipped);
        return first is null ? outcome : $"{VerdictNames.Of(verdicts[first])}: {Judgement.Finding(messages[first], first)}";
    }

    /// <summary>What to run so the delta gets verified: the presence session for what only a client can cause
    /// (attendees, audio, video, guests, and the stats and recording it leaves), the lifecycle tier, or the full selection.</summary>
    private static string Command(string id, string outcome, IReadOnlyList<string> cases, IReadOnlyDictionary<string, Verdict> verdicts, IReadOnlyDictionary<string, string> messages)
    {
        const string Script = "./run-conformance.sh <target options>";
        if (outcome == NotRun)
        {
            return $"{Script} without --only/--skip";
        }

        if (cases.Any(c => verdicts.TryGetValue(c, out var v) && v == Verdict.Skipped && messages[c].Contains("read-only tier", StringComparison.Ordinal)))
        {
            return $"{Script} --tier lifecycle --presence-driver COMMAND";
        }

        if (id.StartsWith("getRecordings/", StringComparison.Ordinal))
        {
            return $"{Script} --presence-driver COMMAND --recordings-wait 900 (the session records a meeting; a server lists download elements only where it makes downloads)";
        }

        return outcome == "failed" || outcome == "known-failing"
            ? $"{Script} once the server is fixed"
            : $"{Script} --presence (a person) or --presence-driver COMMAND (a program): the session makes attendees, audio, video, a guest, stats and a recording to observe";
    }


    private static string Outcome(IReadOnlyList<string> cases, IReadOnlyDictionary<string, Verdict> verdicts)
    {
        if (cases.Count == 0)
        {
            return NoCase;
        }

        var seen = cases.Where(verdicts.ContainsKey).Select(id => verdicts[id]).ToHashSet();
        if (seen.Count == 0)
        {
            return NotRun;
        }

        return VerdictNames.Of(Severity.First(seen.Contains));
    }
}

/// <summary>The report spelling of verdicts (the same as in results.json).</summary>
public static class VerdictNames
{
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Failed => "failed",
        Verdict.Inconclusive => "inconclusive",
        Verdict.Skipped => "skipped",
        Verdict.KnownFailing => "known-failing",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    public static string Of(RunVerdict verdict) => verdict switch
    {
        RunVerdict.Conformant => "conformant",
        RunVerdict.Incomplete => "incomplete",
        RunVerdict.NotConformant => "not conformant",
        RunVerdict.Interrupted => "interrupted",
        _ => "could not run",
    };
}
