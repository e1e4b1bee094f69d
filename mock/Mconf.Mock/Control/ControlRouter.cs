using System.Text.Json;
using Mconf.Mock.Api;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Control;

/// <summary>One control request as a route handler sees it.</summary>
internal sealed class ControlCall
{
    private IReadOnlyList<KeyValuePair<string, string>>? _query;

    /// <summary>The HTTP method as sent.</summary>
    public required string Method { get; init; }

    /// <summary>The path as sent (still percent-encoded).</summary>
    public required string RawPath { get; init; }

    /// <summary>The path as WireMock decoded it (what some error messages quote).</summary>
    public required string Path { get; init; }

    public required string RawQuery { get; init; }

    public string? Body { get; init; }

    /// <summary>The template's <c>{name}</c> values, percent-decoded.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string this[string name] => Values[name];

    /// <summary>The first query parameter of that name (case-insensitive), or null.</summary>
    public string? Query(string name) =>
        (_query ??= QueryString.Parse(RawQuery)).FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A control answer: HTTP status, content type and body.</summary>
internal sealed record ControlReply(int Status, string ContentType, string Body)
{
    public static ControlReply Json(int status, object value, JsonSerializerOptions options) =>
        new(status, ApiAnswer.JsonContentType, JsonSerializer.Serialize(value, value.GetType(), options));
}

/// <summary>The routing table of the control surfaces (the fake's <c>/fake/</c> endpoints and a fleet's
/// <c>/fleet</c>): routes by method and path template, grouped in areas (a path prefix, answered by one WireMock
/// mapping each, so WireMock's priorities still choose the area). Within an area the first route whose method and
/// template match and whose handler answers (not null) wins; otherwise the area's fallback answers.
/// Templates: literal segments compare ordinally with the percent-decoded segment (so <c>/fake/STATE</c> is not
/// <c>/fake/state</c>, as before the table), <c>{name}</c> takes one decoded segment (a meeting ID may hold
/// <c>%2F</c>), and a last <c>{*name}</c> takes the rest of the path, decoded as a whole without its slashes at
/// either end ("" when there is none). Empty segments (<c>//</c>, a trailing <c>/</c>) are skipped.</summary>
internal sealed class ControlRouter
{
    private readonly List<Route> _routes = [];
    private readonly Dictionary<string, Func<ControlCall, ControlReply>> _fallbacks = new(StringComparer.Ordinal);

    /// <summary>Adds a route to <paramref name="area"/>; <paramref name="method"/> <c>*</c> takes any method.</summary>
    public ControlRouter Map(string area, string method, string template, Func<ControlCall, ControlReply?> handle)
    {
        _routes.Add(new Route(area, method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handle));
        return this;
    }

    /// <summary>What <paramref name="area"/> answers when none of its routes does.</summary>
    public ControlRouter Otherwise(string area, Func<ControlCall, ControlReply> fallback)
    {
        _fallbacks[area] = fallback;
        return this;
    }

    public ControlReply Answer(string area, string method, string rawPath, string path, string rawQuery, string? body)
    {
        var segments = Segments(rawPath);
        foreach (var route in _routes)
        {
            if (route.Area != area || (route.Method != "*" && !string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
                || Match(route.Template, segments, rawPath) is not { } values)
            {
                continue;
            }

            var call = new ControlCall { Method = method, RawPath = rawPath, Path = path, RawQuery = rawQuery, Body = body, Values = values };
            if (route.Handle(call) is { } reply)
            {
                return reply;
            }
        }

        return _fallbacks[area](new ControlCall { Method = method, RawPath = rawPath, Path = path, RawQuery = rawQuery, Body = body });
    }

    /// <summary>The non-empty segments of the raw path with where each ends.</summary>
    private static List<(string Raw, int End)> Segments(string rawPath)
    {
        var segments = new List<(string, int)>();
        var start = 0;
        for (var i = 0; i <= rawPath.Length; i++)
        {
            if (i == rawPath.Length || rawPath[i] == '/')
            {
                if (i > start)
                {
                    segments.Add((rawPath[start..i], i));
                }

                start = i + 1;
            }
        }

        return segments;
    }

    private static Dictionary<string, string>? Match(string[] template, List<(string Raw, int End)> segments, string rawPath)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith("{*", StringComparison.Ordinal))
            {
                var from = i == 0 ? 0 : segments[i - 1].End;
                values[part[2..^1]] = Uri.UnescapeDataString(rawPath[Math.Min(from, rawPath.Length)..]).Trim('/');
                return values;
            }

            if (i >= segments.Count)
            {
                return null;
            }

            var segment = Uri.UnescapeDataString(segments[i].Raw);
            if (part.StartsWith('{'))
            {
                values[part[1..^1]] = segment;
            }
            else if (!string.Equals(part, segment, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return segments.Count == template.Length ? values : null;
    }

    private sealed record Route(string Area, string Method, string[] Template, Func<ControlCall, ControlReply?> Handle);
}
