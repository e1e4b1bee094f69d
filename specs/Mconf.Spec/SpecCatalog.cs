using System.Reflection;
using System.Text.Json;
using Mconf.Spec.Model;

namespace Mconf.Spec;

/// <summary>The whole API description: calls (one JSON file each under <c>specs/calls/</c>), the answer-key
/// catalogue (<c>specs/errors.json</c>) and the behaviour/consistency rules (<c>specs/rules.json</c>).</summary>
public sealed class SpecCatalog
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<SpecCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, CallSpec> _calls;

    public SpecCatalog(IEnumerable<CallSpec> calls, IEnumerable<ErrorSpec> errors, IEnumerable<RuleSpec> rules)
    {
        Calls = [.. calls.OrderBy(c => c.Name, StringComparer.Ordinal)];
        Errors = [.. errors];
        Rules = [.. rules];
        _calls = Calls.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<CallSpec> Calls { get; }

    public IReadOnlyList<ErrorSpec> Errors { get; }

    public IReadOnlyList<RuleSpec> Rules { get; }

    /// <summary>The catalogue compiled into this library (the files under <c>specs/</c> at build time).</summary>
    public static SpecCatalog Load() => Embedded.Value;

    /// <summary>Reads the catalogue from a <c>specs/</c> folder on disk (used by lint tests and the generator).</summary>
    public static SpecCatalog LoadFrom(string specsDirectory)
    {
        var calls = Directory.GetFiles(Path.Combine(specsDirectory, "calls"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => Parse<CallSpec>(File.ReadAllText(f), f));
        var errors = Parse<List<ErrorSpec>>(File.ReadAllText(Path.Combine(specsDirectory, "errors.json")), "errors.json");
        var rules = Parse<List<RuleSpec>>(File.ReadAllText(Path.Combine(specsDirectory, "rules.json")), "rules.json");
        return new SpecCatalog(calls, errors, rules);
    }

    public CallSpec Call(string name) =>
        _calls.TryGetValue(name, out var call) ? call : throw new KeyNotFoundException($"No call '{name}' in the spec.");

    public bool TryGetCall(string name, out CallSpec call) => _calls.TryGetValue(name, out call!);

    /// <summary>The catalogue entry for an answer key as a given call gives it (keys such as
    /// <c>invalidPassword</c> and <c>notFound</c> carry a different message per call).</summary>
    public ErrorSpec Error(string key, string call) =>
        Errors.FirstOrDefault(e => e.Key == key && e.Calls.Contains(call))
        ?? throw new KeyNotFoundException($"No answer key '{key}' for call '{call}' in the spec.");

    /// <summary>Every stable ID: parameters, response elements, answer keys and rules.</summary>
    public IEnumerable<string> AllIds =>
        Calls.SelectMany(c => c.Params.Select(p => p.Id).Concat(c.Response.Select(e => e.Id)))
            .Concat(Errors.Select(e => e.Id))
            .Concat(Rules.Select(r => r.Id));

    /// <summary>The parameter or element an ID names, or null.</summary>
    public object? Find(string id)
    {
        foreach (var call in Calls)
        {
            if (call.Params.FirstOrDefault(p => p.Id == id) is { } param)
            {
                return param;
            }

            if (call.Response.FirstOrDefault(e => e.Id == id) is { } element)
            {
                return element;
            }
        }

        return (object?)Errors.FirstOrDefault(e => e.Id == id) ?? Rules.FirstOrDefault(r => r.Id == id);
    }

    private static SpecCatalog LoadEmbedded()
    {
        var assembly = typeof(SpecCatalog).Assembly;
        var names = assembly.GetManifestResourceNames();
        var calls = names.Where(n => n.StartsWith("specs/calls/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse<CallSpec>(ReadResource(assembly, n), n));
        var errors = Parse<List<ErrorSpec>>(ReadResource(assembly, "specs/errors.json"), "errors.json");
        var rules = Parse<List<RuleSpec>>(ReadResource(assembly, "specs/rules.json"), "rules.json");
        return new SpecCatalog(calls, errors, rules);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Spec resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static T Parse<T>(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Spec file '{origin}' is not valid: {ex.Message}", ex);
        }
    }
}
