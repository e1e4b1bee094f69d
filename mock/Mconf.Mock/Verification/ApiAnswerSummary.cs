namespace Mconf.Mock.Verification;

/// <summary>What went back for a request: status, content type and, for an envelope, returncode and messageKey
/// (read with two string searches, not an XML parse, so it costs little on the request path).</summary>
internal readonly record struct ApiAnswerSummary(int Status, string? ContentType, string? ReturnCode, string? MessageKey)
{
    public static ApiAnswerSummary Of(int status, string? contentType, string? body) =>
        new(status, contentType, Element(body, "returncode"), Element(body, "messageKey"));

    /// <summary>The same for an answer sent as the fake's UTF-8 bytes (<see cref="Wiring.Utf8AnswerBody"/>), read from
    /// its head: decoded whole only in the odd case of an element opened in the head and closed past it.</summary>
    public static ApiAnswerSummary Of(int status, string? contentType, WireMock.Util.IBodyData? body)
    {
        if (body is not Wiring.Utf8AnswerBody { BodyAsBytes: { } bytes })
        {
            return Of(status, contentType, body?.BodyAsString);
        }

        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, HeadBytes));
        var summary = Of(status, contentType, head);
        return bytes.Length > HeadBytes && ((summary.ReturnCode is null && Opens(head, "returncode")) || (summary.MessageKey is null && Opens(head, "messageKey")))
            ? Of(status, contentType, System.Text.Encoding.UTF8.GetString(bytes))
            : summary;
    }

    /// <summary>Bytes that hold the first <see cref="EnvelopeHead"/> characters whatever they are (at most 3 bytes each).</summary>
    private const int HeadBytes = 4 * EnvelopeHead;

    private static bool Opens(string body, string name) =>
        body.IndexOf("<" + name + ">", 0, Math.Min(body.Length, EnvelopeHead), StringComparison.Ordinal) >= 0;

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
