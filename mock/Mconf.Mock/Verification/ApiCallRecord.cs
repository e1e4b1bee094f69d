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

    public string? ContentType { get; }

    /// <summary>The answer's returncode (SUCCESS/FAILED), when it was an envelope the fake wrote.</summary>
    public string? ReturnCode { get; }

    public string? MessageKey { get; }

    /// <summary>The injected fault that answered (e.g. <c>f1 status</c>), or null.</summary>
    public string? Fault { get; }

    public SignatureCheck Signature => _judgement.Value.Signature;

    public IReadOnlyList<RequestProblem> Problems => _judgement.Value.Problems;

    public ClientVerdict Verdict => _judgement.Value.Verdict;

    public bool IsSignedCorrectly => Signature.IsValid;

    internal string RawQuery { get; }

    /// <summary>The decoded value of the first parameter with this exact name, or null.</summary>
    public string? Get(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    public bool Has(string name) => Parameters.Any(p => p.Key == name);

    /// <summary>True when a problem with this code was found.</summary>
    public bool HasProblem(string code) => Problems.Any(p => p.Code == code);

    public override string ToString() =>
        $"#{Sequence} {Method} {Call}?{Query} -> {Status} {ReturnCode} {MessageKey}: {Verdict.ToString().ToLowerInvariant()}"
        + (Problems.Count == 0 ? "" : " (" + string.Join(", ", Problems.Select(p => p.Code)) + ")");
}
