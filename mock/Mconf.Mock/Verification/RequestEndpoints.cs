using System.Text.Json;
using System.Text.Json.Serialization;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>The journal over HTTP (routed by <see cref="Control.ControlRoutes"/>): <c>GET /fake/requests</c> (JSON
/// list, <c>?call=</c> and <c>?verdict=</c> filters), <c>GET /fake/requests/report</c> (JSON summary;
/// <c>?format=text</c> for lines), and <c>DELETE /fake/requests</c>. Checksums and the secret are redacted.</summary>
internal static class RequestEndpoints
{
    /// <summary>Below the control surface's priority, so these paths win over its catch-all.</summary>
    public const int Priority = 900;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The journal's records as JSON views, filtered by call and verdict when given.</summary>
    public static object View(IEnumerable<ApiCallRecord> records, string? call, string? verdict, string secret)
    {
        if (call is not null)
        {
            records = records.Where(r => r.Call == call);
        }

        if (verdict is not null)
        {
            records = records.Where(r => string.Equals(r.Verdict.ToString(), verdict, StringComparison.OrdinalIgnoreCase));
        }

        return records.Select(r => RequestView.Of(r, secret)).ToList();
    }

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
