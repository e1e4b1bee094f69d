using Mconf.Mock.Api;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Replay;

/// <summary>One mapping over the whole API path for the recorder or the replayer, above the built-in mappings
/// and below the fault mappings (so faults apply to recorded and replayed sessions too).</summary>
internal static class RecordReplayMappings
{
    public const int Priority = 500;

    public static void Register(WireMockServer server, string title, Func<IRequestMessage, Task<IResponseMessage>> answer)
    {
        server.Given(Request.Create().WithPath(new WildcardMatcher(ApiRouter.ApiPath + "*")).UsingAnyMethod())
            .WithTitle(title)
            .AtPriority(Priority)
            .RespondWith(Response.Create().WithCallback(answer));
    }
}
