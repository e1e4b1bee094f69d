using System.Text.Json;

namespace Mconf.Spec.Model;

/// <summary>The rule kinds and the arguments each one requires, read from the one place they are defined:
/// specs/spec.schema.json (<c>$defs/rule</c>: the <c>kind</c> enum, and one <c>allOf</c> branch per kind whose
/// <c>then</c> lists the required args). The spec lint and the suite's kind registry are both checked against it.</summary>
public static class RuleKindSchema
{
    /// <summary>Kind → required argument names, in the schema's order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        var rule = document.RootElement.GetProperty("$defs").GetProperty("rule");
        var kinds = rule.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray()
            .Select(k => k.GetString() ?? "")
            .ToList();
        var required = rule.GetProperty("allOf").EnumerateArray().ToDictionary(
            branch => branch.GetProperty("if").GetProperty("properties").GetProperty("kind").GetProperty("const").GetString() ?? "",
            RequiredArgs,
            StringComparer.Ordinal);

        var unmatched = kinds.Except(required.Keys, StringComparer.Ordinal).Concat(required.Keys.Except(kinds, StringComparer.Ordinal)).ToList();
        if (unmatched.Count > 0)
        {
            throw new InvalidDataException($"spec.schema.json: the kind enum and the per-kind branches disagree on: {string.Join(", ", unmatched)}");
        }

        return kinds.ToDictionary(k => k, k => required[k], StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> RequiredArgs(JsonElement branch) =>
        branch.GetProperty("then").TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("args", out var args)
        && args.TryGetProperty("required", out var names)
            ? [.. names.EnumerateArray().Select(n => n.GetString() ?? "")]
            : [];
}
