using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>meta-filter</c>: getRecordings with meta_ filters, each answer compared with the unfiltered list
/// filtered client-side (AND of exact, case-sensitive value matches; key names case-insensitive). Modes: one,
/// several, none (matches nothing), case (value differing only in case), key-case (upper-case key name).
/// Read-only; inconclusive when the target has no recording with metadata.</summary>
public sealed class MetaFilterCase : ICaseKind
{
    private static readonly System.Text.RegularExpressions.Regex ValidKey = new("^[a-z][a-z0-9-]*$");

    public string Kind => "meta-filter";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var mode = ctx.RequireCase().Arg("mode");
        var all = await ctx.Session.Shared.RecordingsAsync(ctx).ConfigureAwait(false);
        var recordings = Recordings(Expect.Success(all));

        if (mode == "none")
        {
            var key = recordings.SelectMany(r => r.Meta.Keys).FirstOrDefault() ?? "conformance";
            var answer = await FilterAsync(ctx, [(key, ctx.Ledger.UnknownId("value"))]).ConfigureAwait(false);
            var xml = Expect.Success(answer);
            Expect.Count(0, xml.Select("recordings/recording").Count(), "recordings for a meta_ value no recording has", answer);
            Expect.Equal("noRecordings", xml.MessageKey, "messageKey of the empty answer", answer);
            return;
        }

        var pairs = recordings.SelectMany(r => r.Meta.Select(m => (Key: m.Key, m.Value))).Where(p => ValidKey.IsMatch(p.Key)).Distinct().ToList();
        if (pairs.Count == 0)
        {
            throw new CaseInconclusive("the target has no recording with metadata to filter on (recordings come from past recorded meetings)");
        }

        List<(string Key, string Value)> filters;
        var keyCase = false;
        switch (mode)
        {
            case "one":
                filters = [Narrowest(recordings, pairs)];
                break;
            case "several":
                filters = Several(recordings) ?? throw new CaseInconclusive("no recording on the target has two metadata entries to combine");
                break;
            case "case":
                var lettered = pairs.Where(p => p.Value.ToUpperInvariant() != p.Value.ToLowerInvariant()).ToList();
                if (lettered.Count == 0)
                {
                    throw new CaseInconclusive("no recording metadata value on the target has letters whose case could differ");
                }

                // Prefer a key whose values on the target differ only by case: the sharpest test of exactness.
                var pick = lettered.FirstOrDefault(p => lettered.Any(q => q.Key == p.Key && q.Value != p.Value
                    && string.Equals(q.Value, p.Value, StringComparison.OrdinalIgnoreCase)));
                if (pick == default)
                {
                    pick = lettered[0];
                    pick = (pick.Key, SwapCase(pick.Value));
                }

                filters = [pick];
                break;
            case "key-case":
                filters = [Narrowest(recordings, pairs)];
                keyCase = true;
                break;
            default:
                throw new CaseFailure("a meta-filter mode one|several|none|case|key-case", $"mode '{mode}' in the case fixture");
        }

        var filtered = await FilterAsync(ctx, filters, keyCase).ConfigureAwait(false);
        var got = Recordings(Expect.Success(filtered));
        var expected = recordings.Where(r => filters.All(f => r.Meta.TryGetValue(f.Key, out var v) && v == f.Value)).ToList();
        var shown = string.Join(" & ", filters.Select(f => $"meta_{(keyCase ? f.Key.ToUpperInvariant() : f.Key)}={f.Value}"));
        Expect.SameItems(expected.Select(r => r.Id), got.Select(r => r.Id), $"for {shown} the recordings whose metadata match exactly", filtered);
        if (expected.Count == 0)
        {
            Expect.Equal("noRecordings", Expect.Success(filtered).MessageKey, "messageKey of the empty answer", filtered);
        }
    }

    internal sealed record Recording(string Id, IReadOnlyDictionary<string, string> Meta);

    internal static List<Recording> Recordings(BbbResponse xml) =>
        [.. xml.Select("recordings/recording").Select(r => new Recording(
            BbbResponse.Value(r, "recordID") ?? "",
            BbbResponse.Select(r, "metadata").SelectMany(m => m.Elements())
                .GroupBy(e => e.Name.LocalName.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => BbbResponse.Text(g.First()), StringComparer.Ordinal)))];

    private static Task<ApiAnswer> FilterAsync(CaseContext ctx, IEnumerable<(string Key, string Value)> filters, bool upperKeys = false) =>
        ctx.CallAsync("getRecordings", filters.Select(f => new KeyValuePair<string, string?>("meta_" + (upperKeys ? f.Key.ToUpperInvariant() : f.Key), f.Value)));

    /// <summary>The pair matching the fewest recordings, so a server that ignores the filter is caught.</summary>
    private static (string Key, string Value) Narrowest(List<Recording> recordings, List<(string Key, string Value)> pairs) =>
        pairs.OrderBy(p => recordings.Count(r => r.Meta.TryGetValue(p.Key, out var v) && v == p.Value))
            .ThenBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).First();

    /// <summary>Two pairs of one recording whose AND matches fewer recordings than the first alone, when possible.</summary>
    private static List<(string Key, string Value)>? Several(List<Recording> recordings)
    {
        List<(string, string)>? fallback = null;
        foreach (var r in recordings)
        {
            var entries = r.Meta.Where(m => ValidKey.IsMatch(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                for (var j = i + 1; j < entries.Count; j++)
                {
                    var (a, b) = (entries[i], entries[j]);
                    var first = recordings.Count(x => x.Meta.TryGetValue(a.Key, out var v) && v == a.Value);
                    var both = recordings.Count(x => x.Meta.TryGetValue(a.Key, out var v) && v == a.Value && x.Meta.TryGetValue(b.Key, out var w) && w == b.Value);
                    fallback ??= [(a.Key, a.Value), (b.Key, b.Value)];
                    if (both < first)
                    {
                        return [(a.Key, a.Value), (b.Key, b.Value)];
                    }
                }
            }
        }

        return fallback;
    }

    private static string SwapCase(string value) =>
        string.Concat(value.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));
}
