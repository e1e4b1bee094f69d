using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mconf.Spec.Cases;

namespace Mconf.Conformance;

/// <summary>The conformance cases, read from the spec-derived fixtures embedded in this library
/// (<c>fixtures/cases/&lt;call&gt;.json</c>). Adding an element or a rule to the spec and regenerating the
/// fixtures adds its case; no code changes.</summary>
public static class CaseCatalog
{
    /// <summary>The resource-name prefix of the embedded case fixtures (one JSON file per call).</summary>
    internal const string ResourcePrefix = "fixtures/cases/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
    };

    private static readonly Lazy<IReadOnlyList<ConformanceCase>> Embedded = new(LoadEmbedded);

    private static readonly Lazy<IReadOnlyList<DeltaEntry>> EmbeddedDeltas = new(() =>
        JsonSerializer.Deserialize<List<DeltaEntry>>(ReadResource(typeof(CaseCatalog).Assembly, DeltasResource), Json)
        ?? throw new InvalidDataException($"{DeltasResource} is empty."));

    /// <summary>The Mconf-Live deltas (fixtures/deltas/mconf-live.json): the rows of the report's delta table.</summary>
    internal const string DeltasResource = "fixtures/deltas/mconf-live.json";

    /// <summary>Every embedded case, ordered by call then ID. Throws with a clear message when there are none.</summary>
    public static IReadOnlyList<ConformanceCase> All => Embedded.Value;

    /// <summary>Every Mconf-Live delta, in the spec's order, each saying which cases are about it.</summary>
    public static IReadOnlyList<DeltaEntry> Deltas => EmbeddedDeltas.Value;

    /// <summary>The cases whose ID matches any <paramref name="only"/> glob (all when empty) and no
    /// <paramref name="skip"/> glob. <c>*</c> matches any run of characters, including <c>/</c>.</summary>
    public static IReadOnlyList<ConformanceCase> Select(IReadOnlyList<string> only, IReadOnlyList<string> skip) =>
        Select(All, only, skip);

    /// <summary>The cases of <paramref name="cases"/> whose ID matches any <paramref name="only"/> glob (all when null or empty) and no <paramref name="skip"/> glob.</summary>
    public static IReadOnlyList<ConformanceCase> Select(IReadOnlyList<ConformanceCase> cases, IReadOnlyList<string>? only, IReadOnlyList<string>? skip)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var include = (only ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Glob).ToList();
        var exclude = (skip ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Glob).ToList();
        return [.. cases.Where(c => (include.Count == 0 || include.Any(g => g.IsMatch(c.Id))) && !exclude.Any(g => g.IsMatch(c.Id)))];
    }

    /// <summary>Parses one fixture file (a JSON array of cases); <paramref name="origin"/> names it in errors.</summary>
    internal static IReadOnlyList<ConformanceCase> Parse(string json, string origin)
    {
        try
        {
            var cases = JsonSerializer.Deserialize<List<ConformanceCase>>(json, Json) ?? throw new JsonException("empty document");
            return cases;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Case fixture '{origin}' is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Orders cases and rejects duplicate IDs.</summary>
    internal static IReadOnlyList<ConformanceCase> Normalise(IEnumerable<ConformanceCase> cases)
    {
        var list = cases.OrderBy(c => c.Call, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var duplicate = list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Case ID '{duplicate.Key}' appears {duplicate.Count()} times in the case fixtures.");
        }

        return list;
    }

    /// <summary>The regular expression of a case-ID glob: <c>*</c> matches any run of characters (slashes included); letters match case-insensitively.</summary>
    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static List<ConformanceCase> LoadEmbedded()
    {
        var assembly = typeof(CaseCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var cases = names.SelectMany(n => Parse(ReadResource(assembly, n), n)).ToList();
        if (cases.Count == 0)
        {
            throw new InvalidOperationException(
                "No conformance cases are embedded in Mconf.Conformance: fixtures/cases/*.json is missing or empty. " +
                "Regenerate the fixtures from the spec and rebuild.");
        }

        return [.. Normalise(cases)];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Case resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
