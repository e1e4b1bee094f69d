using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace Mconf.Spec.Xml;

/// <summary>One <c>&lt;error key message/&gt;</c> of the second BBB error shape (specs/reference.md §4).</summary>
public sealed record BbbError(string Key, string Message);

/// <summary>Thrown when an answer is not XML or not a <c>&lt;response&gt;</c> envelope.</summary>
public sealed class BbbFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a BBB answer envelope the way real answers vary: element order, extra elements, whitespace
/// around values and <c>&lt;x/&gt;</c> versus <c>&lt;x&gt;&lt;/x&gt;</c> make no difference. Paths are
/// slash-separated local names below <c>&lt;response&gt;</c>.</summary>
public sealed class BbbResponse
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64L * 1024 * 1024,
    };

    private BbbResponse(XElement root)
    {
        Root = root;
        ReturnCode = Value("returncode");
        MessageKey = Value("messageKey");
        Message = Value("message");
        Errors = [.. Select("errors/error").Select(e => new BbbError(
            ((string?)e.Attribute("key") ?? "").Trim(),
            ((string?)e.Attribute("message") ?? "").Trim()))];
    }

    public XElement Root { get; }

    public string? ReturnCode { get; }

    public bool IsSuccess => ReturnCode == "SUCCESS";

    /// <summary>The top-level messageKey, trimmed; null when absent.</summary>
    public string? MessageKey { get; }

    public string? Message { get; }

    public IReadOnlyList<BbbError> Errors { get; }

    /// <summary>The answer key whichever error shape the server used: messageKey when non-empty, else the
    /// first <c>&lt;error key&gt;</c>.</summary>
    public string? ErrorKey => !string.IsNullOrEmpty(MessageKey) ? MessageKey : Errors.FirstOrDefault()?.Key;

    /// <summary>The text for <see cref="ErrorKey"/>.</summary>
    public string? ErrorMessage => !string.IsNullOrEmpty(MessageKey) ? Message : Errors.FirstOrDefault()?.Message;

    public static BbbResponse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new BbbFormatException($"The answer is not well-formed XML: {ex.Message}", ex);
        }

        var root = document.Root ?? throw new BbbFormatException("The answer has no root element.");
        if (root.Name.LocalName != "response")
        {
            throw new BbbFormatException($"The answer's root element is <{root.Name.LocalName}>, not <response>.");
        }

        return new BbbResponse(root);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out BbbResponse? response, out string error)
    {
        response = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The answer is empty.";
            return false;
        }

        try
        {
            response = Parse(text);
            return true;
        }
        catch (BbbFormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>All elements at a path below the root (every instance of repeated elements).</summary>
    public IEnumerable<XElement> Select(string path) => Select(Root, path);

    /// <summary>Trimmed text of the first element at the path, or null when there is none.</summary>
    public string? Value(string path) => Value(Root, path);

    public bool Has(string path) => Select(path).Any();

    public static IEnumerable<XElement> Select(XElement context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        IEnumerable<XElement> current = [context];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.SelectMany(e => e.Elements().Where(c => c.Name.LocalName == segment));
        }

        return current;
    }

    public static string? Value(XElement context, string path) =>
        Select(context, path).FirstOrDefault() is { } element ? Text(element) : null;

    /// <summary>An element's text with surrounding whitespace removed (servers and docs pretty-print values).</summary>
    public static string Text(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Value.Trim();
    }

    public override string ToString() => Root.ToString(SaveOptions.DisableFormatting);
}
