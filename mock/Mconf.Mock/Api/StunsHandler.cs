namespace Mconf.Mock.Api;

/// <summary>stuns (facts §3.12): the STUN/TURN servers for the client; the fake has none.</summary>
public sealed class StunsHandler : ApiHandler
{
    public override string Call => "stuns";

    public override ApiResult Handle(ApiRequest request, ApiContext context) =>
        ApiResult.Json("{\"stunServers\":[],\"turnServers\":[]}");
}
