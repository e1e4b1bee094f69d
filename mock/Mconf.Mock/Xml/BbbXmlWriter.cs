using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mconf.Mock.Xml;

/// <summary>Writes XML the way Groovy's StreamingMarkupBuilder does in bbb-web (specs/reference.md §1): no declaration, no
/// whitespace, <c>&lt;x/&gt;</c> for null, <c>&lt;x&gt;&lt;/x&gt;</c> for an empty string or empty closure,
/// text escaped for <c>&amp; &lt; &gt;</c>, single-quoted attributes. Unlike bbb-web it never writes a broken
/// document: characters XML forbids become U+FFFD and a <c>]]&gt;</c> inside CDATA is split.</summary>
internal sealed class BbbXmlWriter
{
    private readonly StringBuilder _text;

    public BbbXmlWriter(int capacity = 256)
    {
        _text = new StringBuilder(capacity);
    }

    public BbbXmlWriter Open(string name)
    {
        _text.Append('<').Append(name).Append('>');
        return this;
    }

    public BbbXmlWriter Close(string name)
    {
        _text.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>A text element; null writes <c>&lt;name/&gt;</c>, "" writes <c>&lt;name&gt;&lt;/name&gt;</c>.</summary>
    public BbbXmlWriter Element(string name, string? value)
    {
        if (value is null)
        {
            return SelfClosing(name);
        }

        _text.Append('<').Append(name).Append('>');
        AppendEscaped(value, attribute: false);
        _text.Append("</").Append(name).Append('>');
        return this;
    }

    public BbbXmlWriter Element(string name, bool value) => Element(name, value ? "true" : "false");

    public BbbXmlWriter Element(string name, long value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A text element whose value is written inside <c>&lt;![CDATA[…]]&gt;</c> (getRecordings).</summary>
    public BbbXmlWriter Cdata(string name, string value)
    {
        _text.Append('<').Append(name).Append("><![CDATA[");
        var safe = Sanitise(value).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal);
        _text.Append(safe).Append("]]></").Append(name).Append('>');
        return this;
    }

    /// <summary>An element built from a closure that wrote nothing: <c>&lt;name&gt;&lt;/name&gt;</c>.</summary>
    public BbbXmlWriter Empty(string name) => Open(name).Close(name);

    public BbbXmlWriter SelfClosing(string name)
    {
        _text.Append('<').Append(name).Append("/>");
        return this;
    }

    /// <summary><c>&lt;name a='v' …/&gt;</c> with single-quoted attributes (the <c>&lt;errors&gt;</c> shape).</summary>
    public BbbXmlWriter EmptyWithAttributes(string name, params (string Name, string Value)[] attributes)
    {
        _text.Append('<').Append(name);
        foreach (var (attrName, attrValue) in attributes)
        {
            _text.Append(' ').Append(attrName).Append("='");
            AppendEscaped(attrValue, attribute: true);
            _text.Append('\'');
        }

        _text.Append("/>");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Characters written and not yet drained.</summary>
    internal int Length => _text.Length;

    /// <summary>Moves what was written so far into <paramref name="sink"/> as UTF-8 and empties the writer, so a
    /// large answer never exists whole as a string (see <see cref="Utf8Buffer"/>).</summary>
    internal void DrainTo(Utf8Buffer sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var chunk in _text.GetChunks())
        {
            sink.Append(chunk.Span);
        }

        _text.Clear();
    }

    /// <summary>Replaces characters that XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) by U+FFFD.</summary>
    public static string Sanitise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Suspects))
        {
            // No control character, surrogate or U+FFFE/U+FFFF: nothing to look at one by one.
            return value;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!IsXmlChar(value, i, out var width))
            {
                return SanitiseSlow(value);
            }

            i += width - 1;
        }

        return value;
    }

    private void AppendEscaped(string value, bool attribute)
    {
        // Runs of characters that need no escaping are appended whole (most values have none at all).
        var rest = Sanitise(value).AsSpan();
        var special = attribute ? AttributeSpecials : TextSpecials;
        int at;
        while ((at = rest.IndexOfAny(special)) >= 0)
        {
            _text.Append(rest[..at]);
            _text.Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&apos;",
            });
            rest = rest[(at + 1)..];
        }

        _text.Append(rest);
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>");

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>'");

    private static string SanitiseSlow(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsXmlChar(value, i, out var width))
            {
                builder.Append(value, i, width);
                i += width - 1;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    /// <summary>Every character that may not be allowed on its own: controls (tab, LF and CR included), surrogates
    /// (allowed in pairs), U+FFFE and U+FFFF.</summary>
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0xD800, 0x800)).Concat([0xFFFE, 0xFFFF]).Select(c => (char)c)));

    private static bool IsXmlChar(string s, int i, out int width)
    {
        width = 1;
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');
    }
}
