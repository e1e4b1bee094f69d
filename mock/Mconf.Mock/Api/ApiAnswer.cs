using System.Text;

namespace Mconf.Mock.Api;

/// <summary>What a handler answers: an XML (or JSON) body with HTTP 200, a 302 redirect, or Grails' 404.</summary>
internal sealed record ApiAnswer(int Status, string? ContentType, string? Body, string? Location = null, bool NoCache = true)
{
    public const string XmlContentType = "text/xml;charset=utf-8";
    public const string JsonContentType = "application/json;charset=utf-8";
    public const string HtmlContentType = "text/html;charset=utf-8";

    private readonly string? _body = Body;

    /// <summary>The body as text. For an answer held as UTF-8 bytes (<see cref="Utf8Body"/>) it is decoded on each
    /// read and not kept: the wiring sends the bytes, so a large answer never exists as a string.</summary>
    public string? Body
    {
        get => Utf8Body is { } utf8 ? Encoding.UTF8.GetString(utf8) : _body;
        init
        {
            _body = value;
            Utf8Body = null;
        }
    }

    /// <summary>The body as the UTF-8 bytes that go out, for answers built as bytes (large getRecordings lists);
    /// null for the others, whose <see cref="Body"/> is the string.</summary>
    internal byte[]? Utf8Body { get; private init; }

    public static ApiAnswer Xml(string body, bool noCache = true) => new(200, XmlContentType, body, NoCache: noCache);

    /// <summary>An XML answer already encoded as UTF-8 (no BOM).</summary>
    internal static ApiAnswer XmlUtf8(byte[] body, bool noCache = true) => new(200, XmlContentType, null, NoCache: noCache) { Utf8Body = body };

    public static ApiAnswer Json(string body) => new(200, JsonContentType, body);

    /// <summary>join's default answer: HTTP 302 to the client, no body.</summary>
    public static ApiAnswer Redirect(string location) => new(302, null, null, location, NoCache: false);

    /// <summary>What Grails/Tomcat give for an unknown action: an HTML error page, not XML.</summary>
    public static ApiAnswer NotFound(string path) => new(
        404,
        HtmlContentType,
        "<html><head><title>Apache Tomcat - Error report</title></head><body><h1>HTTP Status 404 - "
            + System.Net.WebUtility.HtmlEncode(path) + "</h1></body></html>",
        NoCache: false);
}
