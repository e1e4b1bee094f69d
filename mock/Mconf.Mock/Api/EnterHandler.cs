using System.Text.Json;

namespace Mconf.Mock.Api;

/// <summary>enter (specs/reference.md §3.12): the Flash client's session call. The fake keeps no client sessions, so it
/// always gives bbb-web's no-session answer.</summary>
internal sealed class EnterHandler : ApiHandler
{
    public override string Call => "enter";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = new Dictionary<string, object>
        {
            ["response"] = new Dictionary<string, string>
            {
                ["returncode"] = "FAILED",
                ["message"] = "Could not find conference.",
                ["logoutURL"] = context.State.Settings.ServerUrl,
            },
        };
        return ApiResult.Json(JsonSerializer.Serialize(body));
    }
}
