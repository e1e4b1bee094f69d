using System.Globalization;

namespace Mconf.Mock.Engine;

/// <summary>The Java/Groovy parsing and formatting rules bbb-web applies to parameters (specs/reference.md §3).</summary>
internal static class Java
{
    /// <summary><c>new Date(ms).toString()</c> on a server running in UTC: <c>Thu Sep 18 19:17:10 UTC 2014</c>.</summary>
    public static string DateToString(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
            .ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>Integer.parseInt</c>, falling back to <paramref name="fallback"/> where Java throws.</summary>
    public static int ParseInt(string? text, int fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var digits = text[0] is '+' or '-' ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty)
        {
            return fallback;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return fallback;
            }
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary><c>Long.parseLong</c>; false where Java throws.</summary>
    public static bool TryParseLong(string text, out long value)
    {
        value = 0;
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>Boolean.parseBoolean</c>: only <c>true</c>, in any case, is true.</summary>
    public static bool ParseBoolean(string? text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Groovy <c>String.toBoolean()</c>: <c>true</c>, <c>y</c> (any case) or <c>1</c> after trimming.</summary>
    public static bool GroovyToBoolean(string? text)
    {
        var t = text?.Trim() ?? "";
        return t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("y", StringComparison.OrdinalIgnoreCase) || t == "1";
    }

    /// <summary><c>String.split(",")</c>: trailing empty strings are dropped, so <c>","</c> gives none and
    /// <c>""</c> gives one empty string.</summary>
    public static IReadOnlyList<string> Split(string text, char separator)
    {
        if (text.Length == 0)
        {
            return [""];
        }

        var parts = new List<string>(text.Split(separator));
        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    /// <summary>commons-lang <c>StringUtils.strip</c>: removes Java whitespace (not non-breaking spaces) at both ends.</summary>
    public static string Strip(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsJavaWhitespace(text[start]))
        {
            start++;
        }

        while (end > start && IsJavaWhitespace(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    private static bool IsJavaWhitespace(char c)
    {
        if (c is '\u00A0' or '\u2007' or '\u202F')
        {
            return false;
        }

        return c is '\t' or '\n' or '\u000B' or '\f' or '\r' or (>= '\u001C' and <= '\u001F')
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
