using System.Net;
using System.Security.Cryptography.X509Certificates;
using WireMock;
using WireMock.Models.Mime;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Wiring;

/// <summary>A request answered directly (without WireMock's matching), as WireMock's journal shows it: what
/// <c>/__admin/requests</c> and <c>LogEntries</c> read. Only bodiless requests are answered directly, so there
/// is no body; the query is parsed when someone reads it, not on the request path.</summary>
internal sealed class DirectRequestMessage : IRequestMessage
{
    private IDictionary<string, WireMockList<string>>? _query;
    private IDictionary<string, WireMockList<string>>? _queryIgnoreCase;

    private readonly KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] _headers;
    private IDictionary<string, WireMockList<string>>? _headerDictionary;

    /// <summary><paramref name="headers"/>: the request's headers, copied (the request's own collection is reused
    /// once it is answered); WireMock's dictionary of them is built when someone reads it.</summary>
    public DirectRequestMessage(string method, string path, string rawQuery, string host, int port, string clientIp, string httpVersion, KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] headers, DateTime time)
    {
        Method = method;
        Path = path;
        RawQuery = rawQuery.Length == 0 ? "" : "?" + rawQuery;
        Host = host;
        Port = port;
        ClientIP = clientIp;
        HttpVersion = httpVersion;
        _headers = headers;
        DateTime = time;
    }

    public string ClientIP { get; }

    public string Url => Origin + Path + RawQuery;

    public string AbsoluteUrl => Url;

    public string? ProxyUrl { get; set; }

    public DateTime DateTime { get; }

    public string Path { get; }

    public string AbsolutePath => Path;

    public string[] PathSegments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public string[] AbsolutePathSegments => PathSegments;

    public string Method { get; }

    public string HttpVersion { get; }

    public IDictionary<string, WireMockList<string>>? Headers => _headerDictionary ??= _headers.ToDictionary(
        h => h.Key, h => new WireMockList<string>(h.Value.ToArray()!), StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string>? Cookies => null;

    public IDictionary<string, WireMockList<string>>? Query => _query ??= ParseQuery(RawQuery, StringComparer.Ordinal);

    public IDictionary<string, WireMockList<string>>? QueryIgnoreCase => _queryIgnoreCase ??= ParseQuery(RawQuery, StringComparer.OrdinalIgnoreCase);

    public string RawQuery { get; }

    public IBodyData? BodyData => null;

    public string? Body => null;

    public object? BodyAsJson => null;

    public byte[]? BodyAsBytes => null;

    public IMimeMessageData? BodyAsMimeMessage => null;

    public string? DetectedBodyType => null;

    public string? DetectedBodyTypeFromContentType => null;

    public string? DetectedCompression => null;

    public string Host { get; }

    public string Protocol => "http";

    public int Port { get; }

    public string Origin => $"http://{Host}:{Port}";

    public X509Certificate2? ClientCertificate => null;

    public WireMockList<string>? GetParameter(string key, bool ignoreCase = false) =>
        (ignoreCase ? QueryIgnoreCase : Query) is { } query && query.TryGetValue(key, out var values) ? values : null;

    private static Dictionary<string, WireMockList<string>> ParseQuery(string rawQuery, StringComparer comparer)
    {
        var result = new Dictionary<string, WireMockList<string>>(comparer);
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(at < 0 ? pair : pair[..at]);
            var value = at < 0 ? "" : WebUtility.UrlDecode(pair[(at + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }
}
