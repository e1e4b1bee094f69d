using System.Xml.Linq;
using Mconf.Conformance.Target;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Checks;

/// <summary>The verify vocabulary cases are written in. Each verb returns what it checked or throws a
/// <see cref="CaseFailure"/> saying what was expected and what came back.</summary>
internal static class Expect
{
    /// <summary>The answer is a BBB XML envelope (any returncode).</summary>
    public static BbbResponse Xml(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Xml ?? throw new CaseFailure($"an XML <response> answer to {answer.Call}", answer.Summary(), answer);
    }

    /// <summary>The answer is XML with returncode SUCCESS.</summary>
    public static BbbResponse Success(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var xml = Xml(answer);
        return xml.IsSuccess ? xml : throw new CaseFailure($"returncode SUCCESS from {answer.Call}", answer.Summary(), answer);
    }

    /// <summary>The answer carries <paramref name="key"/> in either error shape, with the given returncode.</summary>
    public static BbbResponse Error(ApiAnswer answer, string key, bool success = false)
    {
        var xml = Xml(answer);
        var returnCode = success ? "SUCCESS" : "FAILED";
        if (xml.ErrorKey != key || xml.ReturnCode != returnCode)
        {
            throw new CaseFailure($"returncode {returnCode} with messageKey {key}", answer.Summary(), answer);
        }

        return xml;
    }

    /// <summary>The answer is not a checksumError: the server accepted the request's checksum.</summary>
    public static BbbResponse Accepted(ApiAnswer answer)
    {
        var xml = Xml(answer);
        return xml.ErrorKey == "checksumError"
            ? throw new CaseFailure($"the checksum to be accepted by {answer.Call}", answer.Summary(), answer)
            : xml;
    }

    /// <summary>As <see cref="Accepted"/>, returning the answer for further verbs.</summary>
    public static ApiAnswer AcceptedAnswer(ApiAnswer answer)
    {
        Accepted(answer);
        return answer;
    }

    /// <summary>Exactly one element at <paramref name="path"/> below <paramref name="context"/>; returns its trimmed text.</summary>
    /// <summary>The typed text of the element at <paramref name="path"/>, or else at the first of
    /// <paramref name="alsoAt"/> that exists (where a reasonable reading of the docs puts it).</summary>
    public static string Element(ApiAnswer answer, XElement context, string path, SpecType type = SpecType.String,
        IReadOnlyCollection<string>? values = null, IReadOnlyList<string>? alsoAt = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var found = Locate(context, path, alsoAt);
        var where = context.Parent is null ? answer.Call + " answer" : $"<{context.Name.LocalName}> of the {answer.Call} answer";
        if (found.Count == 0)
        {
            throw new CaseFailure($"<{path}> in the {where}", "no such element", answer);
        }

        var text = BbbResponse.Text(found[0]);
        if (ValueTypes.Problem(type, text, values) is { } problem)
        {
            throw new CaseFailure($"<{path}> to be {ValueTypes.Describe(type, values)}", problem, answer);
        }

        return text;
    }

    public static string Element(ApiAnswer answer, string path, SpecType type = SpecType.String, IReadOnlyList<string>? alsoAt = null) =>
        Element(answer, Xml(answer).Root, path, type, alsoAt: alsoAt);

    /// <summary>Elements at <paramref name="path"/> below the context, or, when there are none, at the first
    /// alternative path that has some.</summary>
    public static List<XElement> Locate(XElement context, string path, IReadOnlyList<string>? alsoAt = null)
    {
        var found = BbbResponse.Select(context, path).ToList();
        foreach (var alternative in alsoAt ?? [])
        {
            if (found.Count > 0)
            {
                break;
            }

            found = [.. BbbResponse.Select(context, alternative)];
        }

        return found;
    }

    public static void Equal<T>(T expected, T actual, string what, ApiAnswer? answer = null)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new CaseFailure($"{what} = {Show(expected)}", Show(actual), answer);
        }
    }

    public static void Count(int expected, int actual, string what, ApiAnswer? answer = null)
    {
        if (expected != actual)
        {
            throw new CaseFailure($"{expected} {what}", actual.ToString(System.Globalization.CultureInfo.InvariantCulture), answer);
        }
    }

    public static void AtMost(int limit, int actual, string what, ApiAnswer? answer = null)
    {
        if (actual > limit)
        {
            throw new CaseFailure($"at most {limit} {what}", actual.ToString(System.Globalization.CultureInfo.InvariantCulture), answer);
        }
    }

    /// <summary>The two collections hold the same items with the same multiplicity (order ignored).</summary>
    public static void SameItems(IEnumerable<string> expected, IEnumerable<string> actual, string what, ApiAnswer? answer = null)
    {
        var e = expected.Order(StringComparer.Ordinal).ToList();
        var a = actual.Order(StringComparer.Ordinal).ToList();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            throw new CaseFailure($"{what} [{Join(e)}]", $"[{Join(a)}]", answer);
        }
    }

    public static void True(bool condition, string expected, string actual, ApiAnswer? answer = null)
    {
        if (!condition)
        {
            throw new CaseFailure(expected, actual, answer);
        }
    }

    private static string Show<T>(T value) => value is null ? "(none)" : $"'{value}'";

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 12 ? string.Join(", ", items) : string.Join(", ", items.Take(12)) + $", ... ({items.Count} in all)";
}
