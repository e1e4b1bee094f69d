using Mconf.Conformance.Model;
using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Builds the delta table: every spec entry of origin Mconf-Live, the kit's cases for it (the cases
/// whose spec ID is the entry or a rule about it, <c>&lt;id&gt;#slug</c>; for a new call, all its cases) and
/// their joint outcome, worst first: failed, known-failing, inconclusive, passed, skipped.</summary>
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
        var rows = new List<DeltaRecord>();

        void Add(string id, string kind, string call, string description, bool inWiki, SourceRef source, Func<ConformanceCase, bool> covers)
        {
            var cases = catalogue.Where(covers).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new DeltaRecord(id, kind, call, description, inWiki, $"{source.Doc} {source.Section}".Trim(), cases, Outcome(cases, verdicts)));
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
        RunVerdict.NotConformant => "not conformant",
        _ => "could not run",
    };
}
