using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>meta-filter</c>: getRecordings with meta_ filters against a listing filtered client-side (AND of
/// exact, case-sensitive value matches; key names case-insensitive; a recording lacking a filtered key never
/// matches). Modes: one, several, none (matches nothing), case (value differing only in case), key-case (upper-case
/// key name), missing-key (a key some recordings lack), and-or (two filters chosen so that AND, OR, only-the-first
/// and only-the-last give different answers; inconclusive when the data does not allow it).
/// Scoped questions: the suite never asks for the whole list to judge a filter. The meetings come from the session's
/// streamed sample of the unfiltered list (IDs seen in another call: the witness); every call, listings and filtered
/// alike, selects those meetings with meetingID (specs/reference.md §3.7, §6.3: the selection and the filters both
/// apply), so the cost does not grow with the server. Scoped listings are taken just before and after the filtered
/// call, and only recordings the same in both, and seen in the sample or of the run's own meetings, are judged (a live server finishes
/// recordings meanwhile). Metadata values inside CDATA are data, taken verbatim; whitespace outside CDATA is
/// formatting. Read-only.</summary>
internal sealed partial class MetaFilterCheck : ICheck
{
    /// <summary>How many meetings of the sample a scoped question selects.</summary>
    public const int ScopeSize = 20;

    public string Kind => "meta-filter";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var mode = ctx.RequireCase().Arg("mode");
        var sampleAnswer = await ctx.Session.Shared.RecordingsAsync(ctx).ConfigureAwait(false);
        var sample = Recordings(Expect.Success(sampleAnswer));
        // The run's own meetings (their recordings, once processed, carry metadata the suite chose) and the sample's.
        var own = ctx.Ledger.MeetingIds.Where(SafeIds.IsSafe).OrderBy(id => id, StringComparer.Ordinal).Take(ScopeSize / 2);
        var scope = SessionObservations.RecordingMeetingIds(sampleAnswer).Take(ScopeSize).Concat(own).Distinct(StringComparer.Ordinal).ToList();

        if (mode == "none")
        {
            var key = sample.SelectMany(r => r.Meta.Keys).FirstOrDefault(k => ValidKey().IsMatch(k)) ?? "conformance";
            var answer = await FilterAsync(ctx, scope, [(key, ctx.Ledger.UnknownId("value"))]).ConfigureAwait(false);
            var xml = Expect.Success(answer);
            Expect.Count(0, xml.Select("recordings/recording").Count(), "recordings for a meta_ value no recording has", answer);
            Expect.Equal("noRecordings", xml.MessageKey, "messageKey of the empty answer", answer);
            return;
        }

        if (scope.Count == 0)
        {
            throw new CaseInconclusive(sample.Count == 0
                ? "the target has no recording with metadata to filter on (recordings come from past recorded meetings)"
                : "no recording on the target has a meeting ID the suite can send back unchanged: " + SafeIds.Why);
        }

        var seen = sample.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var ownIds = ctx.Ledger.MeetingIds.ToHashSet(StringComparer.Ordinal);
        var before = Recordings(Expect.Success(await ListAsync(ctx, scope).ConfigureAwait(false)));
        var pairs = before.SelectMany(r => r.Meta.Select(m => (Key: m.Key, m.Value))).Where(p => ValidKey().IsMatch(p.Key))
            .Distinct().OrderBy(p => Unsafe(p.Value)).ThenBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).ToList();
        if (pairs.Count == 0)
        {
            throw new CaseInconclusive("the target has no recording with metadata to filter on (recordings come from past recorded meetings)");
        }

        var keyCase = false;
        List<(string Key, string Value)> filters = mode switch
        {
            "one" => [Narrowest(before, pairs)],
            "several" => Several(before) ?? throw new CaseInconclusive("no recording on the target has two metadata entries to combine"),
            "case" => [CasePick(pairs)],
            "key-case" => [Narrowest(before, pairs)],
            "missing-key" => [MissingKey(before, pairs)],
            "and-or" => AndOr(before, pairs),
            _ => throw new CaseFailure("a meta-filter mode one|several|none|case|key-case|missing-key|and-or", $"mode '{mode}' in the case fixture"),
        };
        keyCase = mode == "key-case";

        var filtered = await FilterAsync(ctx, scope, filters, keyCase).ConfigureAwait(false);
        var after = Recordings(Expect.Success(await ListAsync(ctx, scope).ConfigureAwait(false)));
        var got = Recordings(Expect.Success(filtered)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var stable = before.Where(r => (seen.Contains(r.Id) || ownIds.Contains(r.MeetingId)) && after.Any(a => a.Id == r.Id && SameMeta(a, r))).ToList();
        if (stable.Count == 0)
        {
            throw new CaseInconclusive($"none of the recordings of the {scope.Count} meetings selected stayed the same across the listings before and after and was also in the unfiltered list: nothing to judge the filter against");
        }

        var shown = string.Join(" & ", filters.Select(f => $"meta_{(keyCase ? f.Key.ToUpperInvariant() : f.Key)}={f.Value}"));
        var judged = stable.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var (missing, extra) = Judge(stable, filters, got);
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new CaseFailure($"for {shown} exactly the recordings whose metadata match every filter exactly (judged on the {judged.Count} recordings of the {scope.Count} meetings selected that were unchanged before and after and also in the unfiltered list)",
                (missing.Count > 0 ? $"missing: {string.Join(", ", missing)}" : "") + (missing.Count > 0 && extra.Count > 0 ? "; " : "") +
                (extra.Count > 0 ? $"not matching: {string.Join(", ", extra)}" : ""), filtered);
        }

        if (got.Count == 0)
        {
            Expect.Equal("noRecordings", Expect.Success(filtered).MessageKey, "messageKey of the empty answer", filtered);
        }

        ctx.Witness(filtered, shown, $"{got.Count(judged.Contains)} of the {judged.Count} judged recordings selected, as their metadata says");

        if (before.Any(r => r.Meta.Values.Any(v => v.Length > 0 && v.Trim().Length != v.Length)))
        {
            ctx.Observe("recording metadata values with leading or trailing spaces inside CDATA (taken verbatim as data)");
        }
    }

    internal sealed record Recording(string Id, IReadOnlyDictionary<string, string> Meta, string MeetingId = "");

    internal static List<Recording> Recordings(BbbResponse xml) =>
        [.. xml.Select("recordings/recording").Select(r => new Recording(
            BbbResponse.Value(r, "recordID") ?? "",
            BbbResponse.Select(r, "metadata").SelectMany(m => m.Elements())
                .GroupBy(e => e.Name.LocalName.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => MetaValue(g.First()), StringComparer.Ordinal),
            BbbResponse.Value(r, "meetingID") ?? ""))];

    /// <summary>Text inside CDATA verbatim (leading and trailing spaces are data); text outside it trimmed
    /// (whitespace around a value is formatting).</summary>
    internal static string MetaValue(XElement element) =>
        element.Nodes().OfType<XCData>().Any()
            ? string.Concat(element.Nodes().OfType<XText>().Select(t => t is XCData ? t.Value : t.Value.Trim()))
            : element.Value.Trim();

    /// <summary>The meta filter judgement, the case's and the presence session's: of the recordings judged, those
    /// matching every filter that the answer left out (their IDs), and those it selected that do not match (each
    /// with its values of the filtered keys). Recordings outside <paramref name="judged"/> are not judged.</summary>
    internal static (List<string> Missing, List<string> Extra) Judge(IEnumerable<Recording> judged, IReadOnlyCollection<(string Key, string Value)> filters,
        IReadOnlySet<string> selected)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var recordings = judged.ToList();
        return ([.. recordings.Where(r => Matches(r, filters) && !selected.Contains(r.Id)).Select(r => r.Id)],
            [.. recordings.Where(r => !Matches(r, filters) && selected.Contains(r.Id)).Select(r => Describe(r, filters))]);
    }

    /// <summary>AND of exact value matches; keys are compared lower-cased, as <see cref="Recordings"/> stores them.</summary>
    internal static bool Matches(Recording r, IEnumerable<(string Key, string Value)> filters) =>
        filters.All(f => r.Meta.TryGetValue(f.Key.ToLowerInvariant(), out var v) && v == f.Value);

    private static int Count(List<Recording> recordings, params (string Key, string Value)[] filters) => recordings.Count(r => Matches(r, filters));

    private static bool SameMeta(Recording a, Recording b) =>
        a.Meta.Count == b.Meta.Count && a.Meta.All(kv => b.Meta.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Describe(Recording r, IEnumerable<(string Key, string Value)> filters) =>
        $"{r.Id} ({string.Join(", ", filters.Select(f => r.Meta.TryGetValue(f.Key.ToLowerInvariant(), out var v) ? $"{f.Key}={v}" : $"no {f.Key}"))})";

    /// <summary>Values with characters a 0.9 server may decode a second time come last.</summary>
    private static bool Unsafe(string value) => value.Any(c => c is '+' or '%' or > (char)126);

    /// <summary>getRecordings for the meetings of <paramref name="scope"/> (none: unscoped) with the filters.</summary>
    private static Task<ApiAnswer> FilterAsync(CaseContext ctx, IReadOnlyList<string> scope, IEnumerable<(string Key, string Value)> filters, bool upperKeys = false) =>
        ctx.CallAsync("getRecordings", Scope(scope).Concat(filters.Select(f => new KeyValuePair<string, string?>("meta_" + (upperKeys ? f.Key.ToUpperInvariant() : f.Key), f.Value))));

    /// <summary>The recordings of the meetings of <paramref name="scope"/>, unfiltered.</summary>
    private static Task<ApiAnswer> ListAsync(CaseContext ctx, IReadOnlyList<string> scope) => ctx.CallAsync("getRecordings", Scope(scope));

    private static IEnumerable<KeyValuePair<string, string?>> Scope(IReadOnlyList<string> scope) =>
        scope.Count == 0 ? [] : [new("meetingID", string.Join(',', scope))];

    /// <summary>The pair matching the fewest recordings, so a server that ignores the filter is caught.</summary>
    private static (string Key, string Value) Narrowest(List<Recording> recordings, List<(string Key, string Value)> pairs) =>
        pairs.OrderBy(p => Count(recordings, p)).First();

    private static (string Key, string Value) CasePick(List<(string Key, string Value)> pairs)
    {
        var lettered = pairs.Where(p => p.Value.ToUpperInvariant() != p.Value.ToLowerInvariant()).ToList();
        if (lettered.Count == 0)
        {
            throw new CaseInconclusive("no recording metadata value on the target has letters whose case could differ");
        }

        // Prefer a key whose values on the target differ only by case: the sharpest test of exactness.
        var pick = lettered.FirstOrDefault(p => lettered.Any(q => q.Key == p.Key && q.Value != p.Value
            && string.Equals(q.Value, p.Value, StringComparison.OrdinalIgnoreCase)));
        return pick != default ? pick : (lettered[0].Key, SwapCase(lettered[0].Value));
    }

    /// <summary>A pair whose key some recordings lack entirely: they must not match.</summary>
    private static (string Key, string Value) MissingKey(List<Recording> recordings, List<(string Key, string Value)> pairs)
    {
        var pick = pairs.FirstOrDefault(p => recordings.Any(r => !r.Meta.ContainsKey(p.Key)));
        return pick != default
            ? pick
            : throw new CaseInconclusive("every recording on the target has every metadata key, so none lacks a filtered key");
    }

    /// <summary>Two filters A (first) and B (last) of different keys with recordings matching A only and B only:
    /// then AND, OR, only-A and only-B each give a different answer.</summary>
    private static List<(string Key, string Value)> AndOr(List<Recording> recordings, List<(string Key, string Value)> pairs)
    {
        (string, string, string, string)? fallback = null;
        foreach (var a in pairs.Take(60))
        {
            foreach (var b in pairs.Take(60).Where(b => b.Key != a.Key))
            {
                if (Count(recordings, a) == Count(recordings, a, b) || Count(recordings, b) == Count(recordings, a, b))
                {
                    continue;
                }

                if (Count(recordings, a, b) > 0)
                {
                    return [a, b];
                }

                fallback ??= (a.Key, a.Value, b.Key, b.Value);
            }
        }

        return fallback is var (ak, av, bk, bv)
            ? [(ak, av), (bk, bv)]
            : throw new CaseInconclusive("no two metadata entries on the target where some recording matches the first but not the second and another the second but not the first, so AND cannot be told from OR or from one filter applied alone");
    }

    /// <summary>Two pairs of one recording whose AND matches fewer recordings than the first alone, when possible.</summary>
    private static List<(string Key, string Value)>? Several(List<Recording> recordings)
    {
        List<(string, string)>? fallback = null;
        foreach (var r in recordings)
        {
            var entries = r.Meta.Where(m => ValidKey().IsMatch(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                for (var j = i + 1; j < entries.Count; j++)
                {
                    var (a, b) = ((entries[i].Key, entries[i].Value), (entries[j].Key, entries[j].Value));
                    fallback ??= [a, b];
                    if (Count(recordings, a, b) < Count(recordings, a))
                    {
                        return [a, b];
                    }
                }
            }
        }

        return fallback;
    }

    private static string SwapCase(string value) =>
        string.Concat(value.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ValidKey();
}
