using System.Text;
using Mconf.Mock.Api;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Wiring;

/// <summary>Turns a handler's <see cref="ApiResult"/> into WireMock's response message.</summary>
internal static class ResponseFactory
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static ResponseMessage Create(ApiResult result)
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

        if (result.Body is not null)
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
