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
    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();

    public static RequestScope? Current => CurrentScope.Value;

    /// <summary>The query string as sent, without the leading <c>?</c>.</summary>
    public string RawQuery { get; init; } = "";

    /// <summary>The path as sent (still percent-encoded).</summary>
    public string RawPath { get; init; } = "";

    public ResponseMessage? Response { get; set; }

    /// <summary>Returns the delegate for <c>WireMockServerSettings.PreWireMockMiddlewareInit</c>.</summary>
    public static Action<object> Install(int journalBodyLimit, Action<string> onError, string failedEnvelope) => app =>
        ((IApplicationBuilder)app).Use(async (context, next) =>
        {
            var query = context.Request.QueryString.Value ?? "";
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            var queryAt = target.IndexOf('?', StringComparison.Ordinal);
            var scope = new RequestScope
            {
                RawQuery = query.StartsWith('?') ? query[1..] : query,
                RawPath = queryAt >= 0 ? target[..queryAt] : target,
            };
            CurrentScope.Value = scope;
            context.Request.QueryString = WireMockSafe(context.Request.QueryString);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.Response.HasStarted && IsApiPath(context.Request.Path))
            {
                // Last resort for a failure inside WireMock itself: still a BBB envelope, never a 500.
                onError($"fake: {context.Request.Method} {context.Request.Path} failed inside WireMock: {ex.GetType().Name}: {ex.Message}");
                context.Response.StatusCode = 200;
                context.Response.ContentType = Api.ApiResult.XmlContentType;
                await context.Response.WriteAsync(failedEnvelope, context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                CurrentScope.Value = null;
                TrimForJournal(scope.Response, journalBodyLimit);
            }
        });

    /// <summary>WireMock 2.21's query parser throws on a segment made only of <c>=</c> (e.g. <c>?=&amp;a=1</c>);
    /// the handlers read the raw query from the scope, so WireMock is given the query without such segments.</summary>
    private static QueryString WireMockSafe(QueryString query)
    {
        var value = query.Value;
        if (string.IsNullOrEmpty(value) || !value.Contains('=', StringComparison.Ordinal))
        {
            return query;
        }

        var segments = value.TrimStart('?').Split('&');
        if (!segments.Any(IsOnlyEquals))
        {
            return query;
        }

        return new QueryString("?" + string.Join('&', segments.Where(s => !IsOnlyEquals(s))));
    }

    private static bool IsOnlyEquals(string segment) => segment.Length > 0 && segment.Trim('=').Length == 0;

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments(Api.ApiRouter.ContextPath, StringComparison.Ordinal);

    /// <summary>The journal keeps the response object; after it was sent, a body over the limit is replaced by
    /// a one-line note so a bounded journal is also bounded in bytes.</summary>
    private static void TrimForJournal(ResponseMessage? response, int limit)
    {
        var body = response?.BodyData?.BodyAsString;
        if (response is null || body is null || body.Length <= limit)
        {
            return;
        }

        response.BodyData = new BodyData
        {
            BodyAsString = $"[{Encoding.UTF8.GetByteCount(body)} bytes sent; body not kept in the journal (JournalBodyLimit={limit})]",
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        };
    }
}
