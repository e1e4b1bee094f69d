using System.Globalization;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Checks;

/// <summary>The value rules of the spec's types, applied to trimmed element text.</summary>
internal static class ValueTypes
{
    /// <summary>Null when <paramref name="text"/> is a valid <paramref name="type"/>, else what is wrong with it.</summary>
    public static string? Problem(SpecType type, string text, IReadOnlyCollection<string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        return type switch
        {
            SpecType.Number or SpecType.Timestamp => IsNonNegativeInteger(value) ? null : $"'{Shorten(value)}', which is not an integer >= 0",
            SpecType.Boolean => value is "true" or "false" ? null : $"'{Shorten(value)}', which is not exactly true or false",
            SpecType.Enum when values is { Count: > 0 } => values.Contains(value, StringComparer.Ordinal)
                ? null
                : $"'{Shorten(value)}', which is not one of {string.Join('|', values)}",
            _ => null,
        };
    }

    public static bool IsNonNegativeInteger(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) && decimal.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public static string Describe(SpecType type, IReadOnlyCollection<string>? values = null) => type switch
    {
        SpecType.Number => "an integer >= 0",
        SpecType.Timestamp => "a timestamp (integer >= 0)",
        SpecType.Boolean => "true or false",
        SpecType.Enum when values is { Count: > 0 } => "one of " + string.Join('|', values),
        SpecType.Group => "an element (children may be none)",
        _ => "a string",
    };

    internal static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
