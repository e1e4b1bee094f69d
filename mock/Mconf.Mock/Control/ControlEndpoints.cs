using System.Globalization;
using System.Text.Json;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Control;

/// <summary>The HTTP face of <see cref="FakeControl"/>: JSON out, arguments in the path and query string
/// (mock/README.md lists every endpoint). Path segments are percent-decoded one by one, so a meeting ID may
/// contain <c>%2F</c>.</summary>
internal sealed class ControlEndpoints(FakeControl control)
{
    public const string Prefix = "/fake";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Answers one control request: (HTTP status, JSON body).</summary>
    public (int Status, string Body) Handle(string method, string rawPath, string rawQuery)
    {
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = QueryString.Parse(rawQuery);
        string? Q(string name) => query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        try
        {
            var result = Dispatch(method.ToUpperInvariant(), segments.Skip(1).ToArray(), Q);
            return result is null
                ? (404, Serialize(new { error = $"No control endpoint {method} {rawPath}; see GET {Prefix}/ for the list.", endpoints = Endpoints }))
                : (200, Serialize(result));
        }
        catch (FakeControlException ex)
        {
            var status = ex.Error switch { ControlError.NotFound => 404, ControlError.Conflict => 409, _ => 400 };
            return (status, Serialize(new { error = ex.Message }));
        }
    }

    public static readonly IReadOnlyList<string> Endpoints =
    [
        "GET  /fake/state",
        "POST /fake/reset",
        "GET  /fake/settings ; POST /fake/settings?guestPolicy=ASK_MODERATOR|ALWAYS_ACCEPT|ALWAYS_DENY&videoCount=streams|participants&dialNumber=N&autoConnect=true|false",
        "GET  /fake/clock",
        "POST /fake/clock/advance?ms=N (or seconds=N, minutes=N)",
        "POST /fake/recordings/process",
        "GET  /fake/meetings/{meetingID}",
        "POST /fake/meetings/{meetingID}/end",
        "POST /fake/meetings/{meetingID}/connect-all",
        "POST /fake/meetings/{meetingID}/guests/approve | deny",
        "POST /fake/meetings/{meetingID}/guest-policy?policy=ASK_MODERATOR|ALWAYS_ACCEPT|ALWAYS_DENY",
        "GET  /fake/meetings/{meetingID}/users",
        "POST /fake/meetings/{meetingID}/users/{userID}/connect | leave | presenter",
        "POST /fake/meetings/{meetingID}/users/{userID}/role?role=MODERATOR|VIEWER",
        "POST /fake/meetings/{meetingID}/users/{userID}/voice?on=true|false",
        "POST /fake/meetings/{meetingID}/users/{userID}/listen-only?on=true|false",
        "POST /fake/meetings/{meetingID}/users/{userID}/webcam ; DELETE .../webcam[?stream=NAME]",
        "POST /fake/meetings/{meetingID}/users/{userID}/guest/approve | deny",
        "GET  /fake/requests[?call=NAME&verdict=pass|warn|fail] ; GET /fake/requests/report[?format=text] ; DELETE /fake/requests",
        "GET  /fake/faults ; POST /fake/faults (FaultSpec JSON) ; DELETE /fake/faults[/{id}]",
    ];

    private object? Dispatch(string method, string[] s, Func<string, string?> q)
    {
        switch (method, s.Length)
        {
            case ("GET", 0): return new { endpoints = Endpoints };
            case ("GET", 1) when s[0] == "state": return control.GetState();
            case ("POST", 1) when s[0] == "reset": control.Reset(); return control.GetState();
            case ("GET", 1) when s[0] == "settings": return control.GetSettings();
            case ("POST", 1) when s[0] == "settings":
                return control.SetSettings(q("guestPolicy"), q("videoCount"), q("dialNumber"), q("autoConnect") is { } connect ? On(_ => connect) : null);
            case ("GET", 1) when s[0] == "clock": return Clock();
            case ("POST", 2) when s is ["clock", "advance"]: control.AdvanceClock(Duration(q)); return Clock();
            case ("POST", 2) when s is ["recordings", "process"]:
                var ids = control.ProcessRecordings();
                return new { processed = ids.Count, recordIDs = ids };
            case (_, >= 2) when s[0] == "meetings": return Meeting(method, s[1], s[2..], q);
            default: return null;
        }
    }

    private object? Meeting(string method, string meetingId, string[] s, Func<string, string?> q)
    {
        switch (method, s.Length)
        {
            case ("GET", 0): return control.GetMeeting(meetingId) ?? throw new FakeControlException(ControlError.NotFound, $"No meeting '{meetingId}' is in memory.");
            case ("POST", 1) when s[0] == "end": control.EndMeeting(meetingId); return new { ended = meetingId };
            case ("POST", 1) when s[0] == "connect-all": return new { connected = control.ConnectAll(meetingId) };
            case ("POST", 2) when s is ["guests", "approve"]: return new { approved = control.ApproveAllGuests(meetingId) };
            case ("POST", 2) when s is ["guests", "deny"]: return new { denied = control.DenyAllGuests(meetingId) };
            case ("POST", 1) when s[0] == "guest-policy":
                control.SetGuestPolicy(meetingId, q("policy") ?? "");
                return new { guestPolicy = q("policy") };
            case ("GET", 1) when s[0] == "users": return control.GetUsers(meetingId);
            case (_, >= 3) when s[0] == "users": return User(method, meetingId, s[1], s[2..], q);
            default: return null;
        }
    }

    private object? User(string method, string meetingId, string userId, string[] s, Func<string, string?> q)
    {
        switch (method, string.Join('/', s))
        {
            case ("POST", "connect"): return control.Connect(meetingId, userId);
            case ("POST", "leave"): control.Leave(meetingId, userId); return new { left = userId };
            case ("POST", "presenter"): return control.SetPresenter(meetingId, userId);
            case ("POST", "role"): return control.SetRole(meetingId, userId, q("role") ?? "");
            case ("POST", "voice"): return control.SetVoice(meetingId, userId, On(q));
            case ("POST", "listen-only"): return control.SetListenOnly(meetingId, userId, On(q));
            case ("POST", "webcam"): return new { streamName = control.StartWebcam(meetingId, userId) };
            case ("DELETE", "webcam"): return new { stopped = control.StopWebcam(meetingId, userId, q("stream")) };
            case ("POST", "guest/approve"): control.ApproveGuest(meetingId, userId); return new { approved = userId };
            case ("POST", "guest/deny"): control.DenyGuest(meetingId, userId); return new { denied = userId };
            default: return null;
        }
    }

    private object Clock() => new { now = control.Now.ToUnixTimeMilliseconds(), iso = control.Now.ToString("O", CultureInfo.InvariantCulture) };

    private static bool On(Func<string, string?> q) => q("on") is not { } on || !on.Equals("false", StringComparison.OrdinalIgnoreCase) && on != "0";

    private static TimeSpan Duration(Func<string, string?> q)
    {
        static long Parse(string? text, string name) =>
            text is null ? 0
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
            : throw new FakeControlException(ControlError.BadRequest, $"'{name}' must be a non-negative integer.");

        var ms = Parse(q("ms"), "ms") + (Parse(q("seconds"), "seconds") * 1000) + (Parse(q("minutes"), "minutes") * 60_000);
        return ms == 0 && q("ms") is null && q("seconds") is null && q("minutes") is null
            ? throw new FakeControlException(ControlError.BadRequest, "Give ms, seconds or minutes.")
            : TimeSpan.FromMilliseconds(ms);
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);
}
