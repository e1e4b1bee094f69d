using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Wiring;

/// <summary>What the fake needs from a request that WireMock does not keep: the query string and path exactly
/// as sent (WireMock's <c>RawQuery</c> and <c>Path</c> are re-encoded or decoded through <see cref="Uri"/>, which
/// would break checksums over <c>%20</c> or <c>%41</c>), and the answer, so large bodies can be dropped from the
/// journal once sent. Set by a middleware that runs before WireMock's, read by the mapping callbacks.</summary>
internal sealed class RequestScope
{
    /// <summary>Runs before WireMock for every request; true when it answered the request itself.</summary>
    public delegate ValueTask<bool> FrontDoor(HttpContext context, RequestScope scope, bool isApi);

    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();

    private bool _observed;

    public static RequestScope? Current => CurrentScope.Value;

    /// <summary>The query string as sent, without the leading <c>?</c>.</summary>
    public string RawQuery { get; init; } = "";

    /// <summary>The path as sent (still percent-encoded).</summary>
    public string RawPath { get; init; } = "";

    public ResponseMessage? Response { get; set; }

    /// <summary>The HTTP method as sent.</summary>
    public string Method { get; init; } = "";

    /// <summary>True when the connection was aborted instead of answered (see <see cref="FaultHeader"/>).</summary>
    public bool Dropped { get; private set; }

    /// <summary>The fault that answered this request (set by the fault mappings; e.g. <c>f2 status</c>).</summary>
    public string? InjectedFault { get; set; }

    /// <summary>A response carrying this header (value <c>drop</c>) is never sent: the connection is aborted
    /// instead. Fault mappings set it, and so can a mapping posted to <c>/__admin/mappings</c>.</summary>
    public const string FaultHeader = "X-Mconf-Fake-Fault";

    /// <summary>Returns the delegate for <c>WireMockServerSettings.PreWireMockMiddlewareInit</c>.
    /// <paramref name="observer"/> sees every request under <c>/bigbluebutton</c> once answered (the request
    /// journal), with the HTTP status and content type that went out. <paramref name="front"/> sees every request
    /// first (with whether it is under <c>/bigbluebutton</c>) and may answer it instead of WireMock (true).</summary>
    public static Action<object> Install(int journalBodyLimit, Action<string> onError, string failedEnvelope, Action<RequestScope, int, string?>? observer = null, FrontDoor? front = null) => app =>
        ((IApplicationBuilder)app).Use(async (context, next) =>
        {
            var query = context.Request.QueryString.Value ?? "";
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            var queryAt = target.IndexOf('?', StringComparison.Ordinal);
            var scope = new RequestScope
            {
                RawQuery = query.StartsWith('?') ? query[1..] : query,
                RawPath = queryAt >= 0 ? target[..queryAt] : target,
                Method = context.Request.Method,
            };
            CurrentScope.Value = scope;
            context.Request.QueryString = WireMockSafe(context.Request.QueryString);
            var isApi = IsApiPath(context.Request.Path);
            if (isApi)
            {
                context.Response.OnStarting(Starting, (context, scope, observer, onError));
            }

            try
            {
                if (front is null || !await front(context, scope, isApi).ConfigureAwait(false))
                {
                    await next(context).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!context.Response.HasStarted && isApi)
            {
                // Last resort for a failure inside WireMock itself: still a BBB envelope, never a 500.
                onError($"fake: {context.Request.Method} {context.Request.Path} failed inside WireMock: {ex.GetType().Name}: {ex.Message}");
                context.Response.StatusCode = 200;
                context.Response.ContentType = Api.ApiAnswer.XmlContentType;
                await context.Response.WriteAsync(failedEnvelope, context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                CurrentScope.Value = null;
                if (isApi && observer is not null && !scope._observed)
                {
                    Observe(observer, scope, context, onError);
                }

                TrimForJournal(scope.Response, journalBodyLimit);
            }
        });

    private static void Observe(Action<RequestScope, int, string?> observer, RequestScope scope, HttpContext context, Action<string> onError)
    {
        scope._observed = true;
        try
        {
            observer(scope, scope.Dropped ? 0 : context.Response.StatusCode, context.Response.ContentType);
        }
#pragma warning disable CA1031 // Journalling must never break an answer; the cause goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            onError($"fake: journalling {scope.Method} {scope.RawPath} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Runs before the first byte of an API answer goes out: aborts the connection instead when the
    /// response is marked with <see cref="FaultHeader"/> <c>drop</c> (the client sees a connection closed with no
    /// answer), then journals the request, so the journal holds it by the time the client has the answer.</summary>
    private static Task Starting(object state)
    {
        var (context, scope, observer, onError) = ((HttpContext, RequestScope, Action<RequestScope, int, string?>?, Action<string>))state;
        scope.Dropped = context.Response.Headers.TryGetValue(FaultHeader, out var value)
            && string.Equals(value.ToString(), "drop", StringComparison.OrdinalIgnoreCase);
        if (observer is not null)
        {
            Observe(observer, scope, context, onError);
        }

        if (scope.Dropped)
        {
            context.Abort();
        }

        return Task.CompletedTask;
    }

    /// <summary>WireMock 2.21's query parser throws on a segment made only of <c>=</c> (e.g. <c>?=&amp;a=1</c>);
    /// the handlers read the raw query from the scope, so WireMock is given the query without such segments.</summary>
    private static QueryString WireMockSafe(QueryString query)
    {
        var value = query.Value;
        if (string.IsNullOrEmpty(value) || !HasOnlyEqualsSegment(value))
        {
            return query;
        }

        var segments = value.TrimStart('?').Split('&');
        return new QueryString("?" + string.Join('&', segments.Where(s => !IsOnlyEquals(s))));
    }

    private static bool IsOnlyEquals(string segment) => segment.Length > 0 && segment.Trim('=').Length == 0;

    /// <summary>The same test as splitting on <c>&amp;</c> and <see cref="IsOnlyEquals"/>, without allocating
    /// (it runs on every request).</summary>
    private static bool HasOnlyEqualsSegment(string value)
    {
        foreach (var segment in value.AsSpan().TrimStart('?').Split('&'))
        {
            var text = value.AsSpan().TrimStart('?')[segment];
            if (text.Length > 0 && text.Trim('=').Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments(Api.ApiRouter.ContextPath, StringComparison.Ordinal);

    /// <summary>The journal keeps the response object; after it was sent, a body over the limit is replaced by
    /// a one-line note so a bounded journal is also bounded in bytes.</summary>
    private static void TrimForJournal(ResponseMessage? response, int limit)
    {
        if (response?.BodyData is Utf8AnswerBody { BodyAsBytes: { } utf8 })
        {
            // An answer built as UTF-8 (no string): the journal gets what it gets for any answer, the text within
            // the limit (in characters: never more than bytes, never fewer than a third of them), else the note.
            response.BodyData = utf8.Length <= limit || (utf8.Length / 3 <= limit && Encoding.UTF8.GetCharCount(utf8) <= limit)
                ? new BodyData { BodyAsString = Encoding.UTF8.GetString(utf8), DetectedBodyType = BodyType.String, Encoding = response.BodyData.Encoding }
                : Note(utf8.Length, limit);
            return;
        }

        var body = response?.BodyData?.BodyAsString;
        if (response is null || body is null || body.Length <= limit)
        {
            if (response?.BodyData is { DetectedBodyType: BodyType.Bytes, BodyAsString: not null } sent)
            {
                // A cached answer went out as its UTF-8 bytes (ResponseFactory); the journal shows it as text.
                sent.DetectedBodyType = BodyType.String;
                sent.BodyAsBytes = null;
            }

            return;
        }

        response.BodyData = Note(response.BodyData?.BodyAsBytes?.Length ?? Encoding.UTF8.GetByteCount(body), limit);
    }

    private static BodyData Note(int bytes, int limit) => new()
    {
        BodyAsString = $"[{bytes} bytes sent; body not kept in the journal (JournalBodyLimit={limit})]",
        DetectedBodyType = BodyType.String,
        Encoding = Encoding.UTF8,
    };
}
