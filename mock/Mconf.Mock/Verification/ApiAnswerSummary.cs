namespace Mconf.Mock.Verification;

/// <summary>What went back for a request: status, content type and, for an envelope, returncode and messageKey
/// (read with two string searches, not an XML parse, so it costs little on the request path).</summary>
internal readonly record struct ApiAnswerSummary(int Status, string? ContentType, string? ReturnCode, string? MessageKey)
{
    public static ApiAnswerSummary Of(int status, string? contentType, string? body) =>
        new(status, contentType, Element(body, "returncode"), Element(body, "messageKey"));

    /// <summary>returncode and messageKey open every envelope the fake writes, so a search past this many
    /// characters would only scan a large answer's body for nothing (a SUCCESS getMeetingInfo has no messageKey).</summary>
    private const int EnvelopeHead = 512;

    private static string? Element(string? body, string name)
    {
        if (body is null)
        {
            return null;
        }

        var open = "<" + name + ">";
        var start = body.IndexOf(open, 0, Math.Min(body.Length, EnvelopeHead), StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = body.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : body[start..end].Trim();
    }
}
