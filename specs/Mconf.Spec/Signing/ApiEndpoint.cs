namespace Mconf.Spec.Signing;

/// <summary>A server's API root, <c>http(s)://host/bigbluebutton/api/</c>. Users give the base URL with or
/// without the trailing <c>/api</c> (bbb-conf prints it without); <see cref="HadApiSuffix"/> records which.</summary>
public sealed record ApiEndpoint(Uri ApiRoot, bool HadApiSuffix)
{
    public static ApiEndpoint Parse(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"'{baseUrl}' is not an absolute http(s) URL.");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var hadApi = path.EndsWith("/api", StringComparison.OrdinalIgnoreCase);
        var root = hadApi ? path + "/" : path + "/api/";
        return new ApiEndpoint(new UriBuilder(uri.Scheme, uri.Host, uri.Port, root).Uri, hadApi);
    }

    /// <summary>The URL of a call with a raw (already encoded) query string.</summary>
    public Uri CallUrl(string callName, string rawQuery) =>
        new(ApiRoot, rawQuery.Length == 0 ? callName : callName + "?" + rawQuery);

    public override string ToString() => ApiRoot.ToString();
}
