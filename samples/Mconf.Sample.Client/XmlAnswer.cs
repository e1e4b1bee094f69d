using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Mconf.Sample.Client;

/// <summary>Reads a BBB answer: <c>&lt;response&gt;&lt;returncode&gt;SUCCESS|FAILED&lt;/returncode&gt;...</c>.
/// Tolerant of element order and whitespace; strict about XML itself.</summary>
internal sealed class XmlAnswer
{
    private XmlAnswer(string call, XElement root)
    {
        Call = call;
        Root = root;
    }

    public string Call { get; }

    public XElement Root { get; }

    /// <summary>Parses the body and throws <see cref="MconfApiException"/> for FAILED,
    /// <see cref="MconfProtocolException"/> for anything that is not an envelope.</summary>
    public static XmlAnswer Read(string call, string body)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(body).Root!;
        }
        catch (XmlException ex)
        {
            throw new MconfProtocolException($"The answer to {call} is not well-formed XML ({ex.Message}).", ex);
        }

        if (root.Name.LocalName != "response")
        {
            throw new MconfProtocolException($"The answer to {call} is <{root.Name.LocalName}>, not a <response> envelope.");
        }

        var answer = new XmlAnswer(call, root);
        switch (answer.Text("returncode"))
        {
            case "SUCCESS":
                return answer;
            case "FAILED":
                var error = root.Element("errors")?.Element("error");
                throw new MconfApiException(call,
                    answer.Text("messageKey") ?? (string?)error?.Attribute("key") ?? "unknown",
                    answer.Text("message") ?? (string?)error?.Attribute("message") ?? "");
            default:
                throw new MconfProtocolException($"The answer to {call} has no returncode SUCCESS or FAILED.");
        }
    }

    public string? Text(string name) => Text(Root, name);

    public string Required(string name) =>
        Text(name) ?? throw new MconfProtocolException($"The answer to {Call} has no <{name}>.");

    public static string? Text(XElement parent, string name) => parent.Element(name)?.Value.Trim();

    public static bool Flag(XElement parent, string name) =>
        string.Equals(Text(parent, name), "true", StringComparison.OrdinalIgnoreCase);

    public static int Number(XElement parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static long Long(XElement parent, string name) =>
        long.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary><c>&lt;metadata&gt;&lt;course&gt;x&lt;/course&gt;&lt;/metadata&gt;</c> as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Map(XElement? parent) =>
        parent?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value.Trim(), StringComparer.Ordinal) ?? new Dictionary<string, string>();
}
