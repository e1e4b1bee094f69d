namespace Mconf.Mock.Api;

/// <summary>stuns (specs/reference.md §3.12): the STUN/TURN servers for the client; the fake has none.</summary>
internal sealed class StunsHandler : ApiHandler
{
    public override string Call => "stuns";

    protected override ApiResult Answer(ApiRequest request, ApiContext context) =>
        ApiResult.Json("{\"stunServers\":[],\"turnServers\":[]}");
}
