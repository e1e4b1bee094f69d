using System.Text;
using Mconf.Mock.Api;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Wiring;

/// <summary>Turns a handler's <see cref="ApiResult"/> into WireMock's response message.</summary>
internal static class ResponseFactory
{
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
            message.BodyData = new BodyData
            {
                BodyAsString = result.Body,
                DetectedBodyType = BodyType.String,
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
        }

        if (RequestScope.Current is { } scope)
        {
            scope.Response = message;
        }

        return message;
    }
}
