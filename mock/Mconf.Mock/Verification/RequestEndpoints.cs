using System.Text.Json;
using System.Text.Json.Serialization;
using Mconf.Mock.Api;
using Mconf.Mock.Wiring;
using Mconf.Spec.Signing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Verification;

/// <summary>The journal over HTTP: <c>GET /fake/requests</c> (JSON list, <c>?call=</c> and <c>?verdict=</c>
/// filters), <c>GET /fake/requests/report</c> (JSON summary; <c>?format=text</c> for lines), and
/// <c>DELETE /fake/requests</c>. Checksums and the secret are redacted.</summary>
internal static class RequestEndpoints
{
    public const string Prefix = "/fake/requests";

    /// <summary>Below the control surface's priority, so these paths win over its catch-all.</summary>
    public const int Priority = 900;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Register(WireMockServer server, RequestJournal journal, string secret)
    {
        server.Given(Request.Create().WithPath(new ExactMatcher(Prefix), new ExactMatcher(Prefix + "/"), new ExactMatcher(Prefix + "/report")).UsingAnyMethod())
            .WithTitle("Fake request journal")
            .AtPriority(Priority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req, journal, secret)));
    }

    private static ResponseMessage Answer(IRequestMessage req, RequestJournal journal, string secret)
    {
        var query = QueryString.Parse(RequestScope.Current?.RawQuery ?? "");
        string? Q(string name) => query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var report = req.Path.TrimEnd('/').EndsWith("/report", StringComparison.Ordinal);
        switch (req.Method.ToUpperInvariant())
        {
            case "GET" when report && string.Equals(Q("format"), "text", StringComparison.OrdinalIgnoreCase):
                return ResponseFactory.Create(new ApiResult(200, "text/plain;charset=utf-8", journal.Report().ToText()));
            case "GET" when report:
                return Ok(journal.Report());
            case "GET":
                IEnumerable<ApiCallRecord> records = journal.Snapshot();
                if (Q("call") is { } call)
                {
                    records = records.Where(r => r.Call == call);
                }

                if (Q("verdict") is { } verdict)
                {
                    records = records.Where(r => string.Equals(r.Verdict.ToString(), verdict, StringComparison.OrdinalIgnoreCase));
                }

                return Ok(records.Select(r => RequestView.Of(r, secret)).ToList());
            case "DELETE" when !report:
                var count = journal.Count;
                journal.Clear();
                return Ok(new { cleared = count });
            default:
                return ResponseFactory.Create(new ApiResult(405, ApiResult.JsonContentType,
                    JsonSerializer.Serialize(new { error = $"{req.Method} {req.Path}: use GET {Prefix}, GET {Prefix}/report[?format=text] or DELETE {Prefix}." }, Json)));
        }
    }

    private static ResponseMessage Ok(object value) =>
        ResponseFactory.Create(new ApiResult(200, ApiResult.JsonContentType, JsonSerializer.Serialize(value, value.GetType(), Json)));

    /// <summary>One journal record as JSON: parameters as an object (first occurrence of each name).</summary>
    private sealed record RequestView(
        long Seq,
        DateTimeOffset Time,
        string Method,
        string Path,
        string Call,
        string Query,
        IReadOnlyDictionary<string, string> Parameters,
        int Status,
        string? ReturnCode,
        string? MessageKey,
        string? Fault,
        SignatureView Signature,
        ClientVerdict Verdict,
        IReadOnlyList<RequestProblem> Problems)
    {
        public static RequestView Of(ApiCallRecord r, string secret)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in r.Parameters)
            {
                parameters.TryAdd(name, Redactor.Redact(value, secret));
            }

            var signature = new SignatureView(r.Signature.Status, r.Signature.Algorithm?.Name(), r.Signature.Cause, r.Signature.Explanation);
            return new RequestView(r.Sequence, r.Time, r.Method, r.Path, r.Call, r.Query, parameters, r.Status, r.ReturnCode, r.MessageKey, r.Fault, signature, r.Verdict, r.Problems);
        }
    }

    private sealed record SignatureView(SignatureStatus Status, string? Algorithm, string? Cause, string Explanation);
}
