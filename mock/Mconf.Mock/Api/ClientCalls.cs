using System.Text.Json;
using Mconf.Mock.Xml;

namespace Mconf.Mock.Api;

/// <summary>The client's session calls (specs/reference.md §3.12). The fake keeps no client sessions, so each gives
/// bbb-web's answer for a request without one.</summary>
internal static class ClientCalls
{
    private const string NoConference = "Could not find conference.";

    /// <summary>signOut: no checksum; always SUCCESS.</summary>
    public static ApiAnswer SignOut(ApiRequest request, ApiContext context) => ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success)));

    /// <summary>stuns: the STUN/TURN servers for the client; the fake has none.</summary>
    public static ApiAnswer Stuns(ApiRequest request, ApiContext context) => ApiAnswer.Json("{\"stunServers\":[],\"turnServers\":[]}");

    /// <summary>enter: the Flash client's session call, answered in JSON.</summary>
    public static ApiAnswer Enter(ApiRequest request, ApiContext context)
    {
        var body = new Dictionary<string, object>
        {
            ["response"] = new Dictionary<string, string>
            {
                ["returncode"] = "FAILED",
                ["message"] = NoConference,
                ["logoutURL"] = context.State.Settings.ServerUrl,
            },
        };
        return ApiAnswer.Json(JsonSerializer.Serialize(body));
    }

    /// <summary>configXML: the session user's config, so without a session the no-conference answer.</summary>
    public static ApiAnswer ConfigXml(ApiRequest request, ApiContext context) =>
        ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Failed)
            .Element("message", NoConference)
            .Element("logoutURL", context.State.Settings.ServerUrl)));
}
