using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Builds the delta table: every spec entry of origin Mconf-Live, the kit's cases for it (the cases
/// whose spec ID is the entry or a rule about it, <c>&lt;id&gt;#slug</c>; for a new call, all its cases) and
/// their joint outcome, worst first: failed, known-failing, inconclusive, passed, skipped. A delta is
/// <see cref="DeltaRecord.Verified"/> when at least one of its cases that is not merely supporting passed and none failed; otherwise the row says
/// why not and which command would verify it.</summary>
public static class DeltaTable
{
    public const string NotRun = "not-run";
    public const string NoCase = "no-case";

    private static readonly Verdict[] Severity = [Verdict.Failed, Verdict.KnownFailing, Verdict.Inconclusive, Verdict.Passed, Verdict.Skipped];

    public static IReadOnlyList<DeltaRecord> Build(SpecCatalog spec, IReadOnlyList<ConformanceCase> catalogue, IReadOnlyList<CaseRecord> ran)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ran);
        var verdicts = ran.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Verdict, StringComparer.Ordinal);
        var messages = ran.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var rows = new List<DeltaRecord>();

        void Add(string id, string kind, string call, string description, bool inWiki, SourceRef source, Func<ConformanceCase, bool> covers)
        {
            var covering = catalogue.Where(covers).DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
            var cases = covering.Select(c => c.Id).ToList();
            var outcome = Outcome(cases, verdicts);
            var seen = cases.Where(verdicts.ContainsKey).Select(c => verdicts[c]).ToList();
            // A supporting case (how a request is refused or answered, not the behaviour the delta documents) can
            // fail its delta but never verifies it alone: a passing checksum check says nothing of guests.
            var passedVerifying = covering.Any(c => !c.IsSupporting && verdicts.GetValueOrDefault(c.Id, Verdict.Skipped) == Verdict.Passed);
            var verified = passedVerifying && !seen.Contains(Verdict.Failed) && !seen.Contains(Verdict.KnownFailing);
            rows.Add(new DeltaRecord(id, kind, call, description, inWiki, $"{source.Doc} {source.Section}".Trim(), cases, outcome)
            {
                Verified = verified,
                Reason = verified ? null : Reason(outcome, cases, verdicts, messages),
                VerifyWith = verified ? null : Command(id, outcome, cases, verdicts, messages),
            });
        }

        foreach (var call in spec.Calls)
        {
            if (call.Origin == Origin.MconfLive)
            {
                Add(call.Name, "call", call.Name, call.Description, true, call.Source, c => c.Call == call.Name);
            }

            foreach (var param in call.Params.Where(p => p.Origin == Origin.MconfLive))
            {
                Add(param.Id, "parameter", call.Name, param.Description, param.InWiki, param.Source, c => Covers(c, param.Id));
            }

            foreach (var element in call.Response.Where(e => e.Origin == Origin.MconfLive))
            {
                Add(element.Id, "response element", call.Name, element.Description, element.InWiki, element.Source, c => Covers(c, element.Id));
            }
        }

        foreach (var error in spec.Errors.Where(e => e.Origin == Origin.MconfLive))
        {
            Add(error.Id, "answer key", string.Join(", ", error.Calls), $"{error.Key}: {error.Message}", true, error.Source, c => Covers(c, error.Id));
        }

        // A rule about a delta entry is already covered by that entry's row (its ID starts with the entry's).
        var listed = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in spec.Rules.Where(r => r.Origin == Origin.MconfLive && !listed.Contains(r.About)))
        {
            var call = rule.About.Split('/')[0];
            Add(rule.Id, "rule", call, rule.Requirement, true, rule.Source, c => c.SpecId == rule.Id || c.Id == rule.Id);
        }

        return rows;
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

    private static bool Covers(ConformanceCase c, string id) =>
        c.SpecId == id || c.SpecId.StartsWith(id + "#", StringComparison.Ordinal);

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
