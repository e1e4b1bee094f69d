using Mconf.Mock.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock;
using WireMock.Logging;
using WireMock.Types;

namespace Mconf.Mock.Wiring;

/// <summary>Answers API requests in the middleware that runs before WireMock, when WireMock would only have
/// chosen a built-in mapping anyway: nothing but the admin and built-in mappings is registered (no user mapping,
/// fault, recorder or replayer; none of the built-ins removed), no global WireMock setting applies, and the
/// request is a bodiless GET whose path needs no decoding. The answer is the built-in mapping's own (same
/// router, same <see cref="ResponseFactory"/>), the request journal sees it the same way (the response's
/// OnStarting), and WireMock's journal gets the entry WireMock would have written. Anything else goes through
/// WireMock as before. Why: WireMock matches every admin mapping against every request (~45 with the admin
/// interface on), which cost over half the throughput.</summary>
internal sealed class DirectAnswers
{
    private readonly WireMockInternals _wireMock;
    private readonly IReadOnlySet<IMapping> _builtIn;
    private readonly ApiRouter _router;
    private readonly Action<string> _log;
    private readonly int _journalLimit;
    private readonly TimeProvider _wallClock;
    private readonly IReadOnlySet<string> _callPaths;
    private readonly (Guid Guid, string? Title) _callMapping;
    private readonly (Guid Guid, string? Title) _catchAll;
    private readonly Lock _journalGate = new();
    private Verdict _verdict = new(-1, false);
    private int _dirty = 1;

    public DirectAnswers(WireMockInternals wireMock, IReadOnlySet<IMapping> builtIn, ApiRouter router, Action<string> log, int journalLimit, TimeProvider wallClock)
    {
        _wireMock = wireMock;
        _builtIn = builtIn;
        _router = router;
        _log = log;
        _journalLimit = journalLimit;
        _wallClock = wallClock;
        _callPaths = router.Handlers.SelectMany(ApiMappings.PathsOf).ToHashSet(StringComparer.Ordinal);
        _callMapping = Find(ApiMappings.CallsTitle);
        _catchAll = Find(ApiMappings.CatchAllTitle);
    }

    /// <summary>Requests answered here since start (the rest went through WireMock).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    private long _answered;

    /// <summary>Called for every request: a write to the admin API may change the mappings or settings without
    /// changing their number (PUT of a mapping, settings), so API requests check again, from when it arrives and
    /// again once WireMock has applied it (before its answer starts, so a client that has the answer never meets
    /// the old verdict).</summary>
    public void Notice(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/__admin", StringComparison.Ordinal))
        {
            Volatile.Write(ref _dirty, 1);
            context.Response.OnStarting(
                static state =>
                {
                    Volatile.Write(ref ((DirectAnswers)state)._dirty, 1);
                    return Task.CompletedTask;
                },
                this);
        }
    }

    /// <summary>True (and answered) when the request can be answered without WireMock.</summary>
    public async ValueTask<bool> TryAnswerAsync(HttpContext context, RequestScope scope)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false
            || request.PathBase.HasValue
            || !string.Equals(request.Path.Value, scope.RawPath, StringComparison.Ordinal)
            || !OnlyBuiltIns())
        {
            return false;
        }

        var path = scope.RawPath;
        var message = ApiMappings.Answer(path, request.Method, scope.RawQuery, null, _router, _log);
        Journal(context, scope, message);
        Interlocked.Increment(ref _answered);
        await Write(context.Response, message).ConfigureAwait(false);
        return true;
    }

    private static async Task Write(HttpResponse response, ResponseMessage message)
    {
        response.StatusCode = message.StatusCode is int status ? status : 200;
        foreach (var (name, values) in message.Headers!)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = values[0];
            }
            else
            {
                response.Headers.Append(name, values.ToArray());
            }
        }

        var body = message.BodyData switch
        {
            { DetectedBodyType: BodyType.Bytes, BodyAsBytes: { } bytes } => bytes,
            { BodyAsString: { } text } => (message.BodyData.Encoding ?? System.Text.Encoding.UTF8).GetBytes(text),
            _ => null,
        };
        if (body is null)
        {
            return;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    /// <summary>The entry WireMock writes for a request its mapping answered, then WireMock's own bound (oldest
    /// first), without copying and sorting the whole journal as WireMock 2.21 does on every request.</summary>
    private void Journal(HttpContext context, RequestScope scope, ResponseMessage message)
    {
        if (_journalLimit == 0)
        {
            return;
        }

        var headers = context.Request.Headers.ToArray();
        var host = context.Request.Host;
        var request = new DirectRequestMessage(
            scope.Method,
            scope.RawPath,
            scope.RawQuery,
            host.Host,
            host.Port ?? context.Connection.LocalPort,
            context.Connection.RemoteIpAddress?.ToString() ?? "",
            context.Request.Protocol.Replace("HTTP/", "", StringComparison.Ordinal),
            headers,
            _wallClock.GetUtcNow().UtcDateTime);
        var mapping = _callPaths.Contains(scope.RawPath) ? _callMapping : _catchAll;
        var journal = _wireMock.Journal;
        var entry = new LogEntry
        {
            Guid = Guid.NewGuid(),
            RequestMessage = request,
            ResponseMessage = message,
            MappingGuid = mapping.Guid,
            MappingTitle = mapping.Title,
        };
        lock (_journalGate)
        {
            try
            {
                journal.Add(entry);
                while (journal.Count > _journalLimit)
                {
                    journal.RemoveAt(0);
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                // WireMock's own trimming (a request it answered) removed the entry first; it ignores the same race.
            }
        }
    }

    /// <summary>Whether no global setting applies and only the admin and built-in mappings are registered, all of
    /// the built-ins (the same objects: a mapping replaced under a built-in's GUID is not built-in). The mappings are re-checked when their number changes or the admin API was written to (a
    /// C# <c>Given(...).WithGuid(g)</c> that replaces a built-in mapping in place is not noticed: use
    /// <see cref="FakeServerOptions.DirectAnswers"/> = false for that).</summary>
    private bool OnlyBuiltIns()
    {
        if (_wireMock.GlobalSettingsApply)
        {
            // Set from C# at any time (AddGlobalProcessingDelay, AllowPartialMapping): read on every request.
            return false;
        }

        var mappings = _wireMock.Mappings;
        var count = mappings.Count;
        var verdict = _verdict;
        if (verdict.Count == count && Volatile.Read(ref _dirty) == 0)
        {
            return verdict.Direct;
        }

        Volatile.Write(ref _dirty, 0);
        var builtIns = 0;
        var direct = true;
        foreach (var mapping in mappings.Values)
        {
            if (mapping.IsAdminInterface)
            {
                continue;
            }

            if (!_builtIn.Contains(mapping) || mapping.Scenario is not null)
            {
                direct = false;
                break;
            }

            builtIns++;
        }

        direct &= builtIns == _builtIn.Count;
        _verdict = new Verdict(count, direct);
        return direct;
    }

    private (Guid Guid, string? Title) Find(string title) =>
        _wireMock.Mappings.Values.FirstOrDefault(m => m.Title == title) is { } mapping ? (mapping.Guid, mapping.Title) : (Guid.Empty, title);

    private sealed record Verdict(int Count, bool Direct);
}
