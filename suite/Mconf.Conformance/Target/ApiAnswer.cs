using Mconf.Conformance.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Target;

/// <summary>One answer of the target: the redacted <see cref="Exchange"/> for evidence, and the full body parsed
/// as a BBB envelope when it is one (<see cref="Xml"/>; <see cref="XmlProblem"/> says why not otherwise).</summary>
internal sealed partial class ApiAnswer
{
    public ApiAnswer(string call, Exchange exchange, string body)
    {
        Call = call;
        Exchange = exchange;
        Body = body;
        if (BbbResponse.TryParse(body, out var xml, out var problem))
        {
            Xml = xml;
        }
        else
        {
            HasDtd = XmlDtd().Match(body) is { Success: true } dtd && !dtd.Groups[1].Value.Equals("html", StringComparison.OrdinalIgnoreCase);
            XmlProblem = HasDtd
                ? "XML with a DTD (<!DOCTYPE ...>): BBB answers carry none, and the suite does not process DTDs (entity expansion), so it cannot read it"
                : problem;
        }
    }

    /// <summary>A document type declaration; an HTML page's <c>&lt;!DOCTYPE html&gt;</c> is a web page, not XML.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"<!DOCTYPE\s+([A-Za-z_:][\w:.-]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex XmlDtd();

    /// <summary>The answer declares a DTD, which the suite refuses to process (reported as such, not as "not XML").</summary>
    public bool HasDtd { get; }

    public static readonly IReadOnlyDictionary<string, long> NoCounts = new Dictionary<string, long>();

    /// <summary>For an answer read as a stream (<see cref="TargetClient.CallStreamedAsync"/>): how many items each list
    /// held, e.g. <c>recordings/recording</c>, though only a sample of them is in <see cref="Body"/>. Empty otherwise.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = NoCounts;

    /// <summary>The answer's size in bytes as received.</summary>
    public long Bytes { get; init; }

    /// <summary>True when <see cref="Body"/> keeps only part of the items of a list (<see cref="Counts"/> has them all).</summary>
    public bool IsSample => Counts.Count > 0;

    public string Call { get; }

    public Exchange Exchange { get; }

    /// <summary>The body as received (not redacted: use <see cref="Exchange"/> for anything shown).</summary>
    public string Body { get; }

    public int Status => Exchange.Status;

    public BbbResponse? Xml { get; }

    public string? XmlProblem { get; }

    public bool IsSuccess => Xml?.IsSuccess == true;

    /// <summary>"GET http://host/bigbluebutton/api/call?...&amp;checksum=***", redacted.</summary>
    public string RequestLine => $"{Exchange.Method} {Exchange.Url}";

    /// <summary>A one-line summary of what came back, for failure messages.</summary>
    public string Summary()
    {
        if (Xml is null)
        {
            return $"HTTP {Status} {Exchange.ContentType ?? "(no content type)"}, not a BBB answer ({XmlProblem})";
        }

        var key = Xml.ErrorKey;
        return $"returncode {Xml.ReturnCode ?? "(none)"}" + (string.IsNullOrEmpty(key) ? "" : $", messageKey {key}");
    }
}
