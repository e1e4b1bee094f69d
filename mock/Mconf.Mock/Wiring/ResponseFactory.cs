using System.Text;
using Mconf.Mock.Api;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Wiring;

/// <summary>Turns a handler's <see cref="ApiAnswer"/> into WireMock's response message.</summary>
internal static class ResponseFactory
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static ResponseMessage Create(ApiAnswer result)
    {
        var message = new ResponseMessage
        {
            StatusCode = result.Status,
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };
        if (result.ContentType is not null)
        {
            message.AddHeader("Content-Type", result.ContentType);
        }

        if (result.NoCache)
        {
            message.AddHeader("Cache-Control", "no-cache");
        }

        if (result.Location is not null)
        {
            message.AddHeader("Location", result.Location);
        }

        if (result.Utf8Body is { } utf8)
        {
            // Built as UTF-8 (a large getRecordings list): sent as it is, never held as a string; RequestScope
            // puts the text (or the over-the-limit note) in the journal once sent, as for any other answer.
            message.BodyData = new Utf8AnswerBody
            {
                BodyAsBytes = utf8,
                DetectedBodyType = BodyType.Bytes,
                Encoding = Utf8NoBom,
            };
        }
        else if (result.Body is not null)
        {
            // A cached answer goes out as its cached UTF-8 bytes (WireMock writes BodyAsBytes as they are); the
            // string stays alongside for the journal, and RequestScope marks the body as a string again once
            // sent, so the admin journal shows it as text like any other answer.
            var bytes = EncodedBodies.Find(result.Body);
            message.BodyData = new BodyData
            {
                BodyAsString = result.Body,
                BodyAsBytes = bytes,
                DetectedBodyType = bytes is null ? BodyType.String : BodyType.Bytes,
                Encoding = Utf8NoBom,
            };
        }

        if (RequestScope.Current is { } scope)
        {
            scope.Response = message;
        }

        return message;
    }
}

/// <summary>The body of an answer the fake built as UTF-8 bytes, with no string alongside (<see cref="ApiAnswer.Utf8Body"/>):
/// told apart from other bytes-only bodies (a truncating fault's) so that the journal and the judged journal read it
/// as text like the fake's other answers.</summary>
internal sealed class Utf8AnswerBody : BodyData
{
    /// <summary>returncode and messageKey open every envelope, so the judged journal needs only the head.</summary>
    public static string? Head(IBodyData? body, int maxBytes) => body is Utf8AnswerBody { BodyAsBytes: { } bytes }
        ? Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, maxBytes))
        : null;
}
