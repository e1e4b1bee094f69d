using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>One API request the fake received, judged as a client check. LINQ-friendly: e.g.
/// <c>fake.Requests.Single(r =&gt; r.Call == "join").Get("guest")</c>. The judgement is computed on first use, so
/// journalling costs nearly nothing on the request path.</summary>
public sealed class ApiCallRecord
{
    private readonly Lazy<Judgement> _judgement;
    private readonly string _secret;
    private IReadOnlyList<KeyValuePair<string, string>>? _parameters;

    internal ApiCallRecord(long sequence, DateTimeOffset time, string method, string rawPath, string rawQuery, ApiAnswerSummary answer, string? fault, RequestJudge judge, string secret)
    {
        Sequence = sequence;
        Time = time;
        Method = method;
        Path = Uri.UnescapeDataString(rawPath);
        RawQuery = rawQuery;
        Status = answer.Status;
        ContentType = answer.ContentType;
        ReturnCode = answer.ReturnCode;
        MessageKey = answer.MessageKey;
        Fault = fault;
        _secret = secret;
        _judgement = new Lazy<Judgement>(() => judge.Judge(method, rawPath, rawQuery), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>1 for the first request the fake received, counting on across <see cref="RequestJournal.Clear"/>.</summary>
    public long Sequence { get; }

    /// <summary>When it arrived, on the fake's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The HTTP method, as sent.</summary>
    public string Method { get; }

    /// <summary>The decoded path, e.g. <c>/bigbluebutton/api/join</c>.</summary>
    public string Path { get; }

    /// <summary>The call the path names (<c>index</c> for the API root; empty for a path outside the API).</summary>
    public string Call => _judgement.Value.Call;

    /// <summary>The query string as sent, with the checksum value and the secret replaced by <c>***</c>.</summary>
    public string Query => Redactor.Redact(RawQuery, _secret);

    /// <summary>The decoded parameters in the order sent, without <c>checksum</c> (duplicates kept).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        _parameters ??= [.. QueryString.Parse(RawQuery).Where(p => p.Key != "checksum")];

    /// <summary>HTTP status of the answer; 0 when the connection was dropped by a fault.</summary>
    public int Status { get; }

    /// <summary>The answer's Content-Type, when there was one.</summary>
    public string? ContentType { get; }

    /// <summary>The answer's returncode (SUCCESS/FAILED), when it was an envelope the fake wrote.</summary>
    public string? ReturnCode { get; }

    /// <summary>The answer's messageKey, when it had one.</summary>
    public string? MessageKey { get; }

    /// <summary>The injected fault that answered (e.g. <c>f1 status</c>), or null.</summary>
    public string? Fault { get; }

    /// <summary>Whether the request was signed as the server expects, and if not, the likely cause.</summary>
    public SignatureCheck Signature => _judgement.Value.Signature;

    /// <summary>Everything wrong with the request (empty when it is clean).</summary>
    public IReadOnlyList<RequestProblem> Problems => _judgement.Value.Problems;

    /// <summary>The request's verdict: pass, warn or fail.</summary>
    public ClientVerdict Verdict => _judgement.Value.Verdict;

    /// <summary>True when the signature is valid or none was required.</summary>
    public bool IsSignedCorrectly => Signature.IsValid;

    internal string RawQuery { get; }

    /// <summary>The decoded value of the first parameter with this exact name, or null.</summary>
    public string? Get(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>True when a parameter with this exact name was sent.</summary>
    public bool Has(string name) => Parameters.Any(p => p.Key == name);

    /// <summary>True when a problem with this code was found.</summary>
    public bool HasProblem(string code) => Problems.Any(p => p.Code == code);

    /// <summary>The request in one line: number, call, redacted query, answer and verdict.</summary>
    public override string ToString() =>
        $"#{Sequence} {Method} {Call}?{Query} -> {Status} {ReturnCode} {MessageKey}: {Verdict.ToString().ToLowerInvariant()}"
        + (Problems.Count == 0 ? "" : " (" + string.Join(", ", Problems.Select(p => p.Code)) + ")");
}
