using System.Globalization;
using System.Text.Json;
using Mconf.Mock.Faults;
using Mconf.Mock.Fleet;
using Mconf.Mock.Verification;

namespace Mconf.Mock.Control;

/// <summary>Every control endpoint of the fake and of a fleet, in one table (mock/README.md lists them): the
/// <c>/fake/</c> surface (<see cref="FakeControl"/>), the request journal (<c>/fake/requests</c>), fault injection
/// (<c>/fake/faults</c>) and a fleet's control (<c>/fleet</c>, on a port of its own: a server that refuses
/// connections cannot be reached on its own port). Each area keeps the JSON and error answers it always gave.</summary>
internal static class ControlRoutes
{
    public const string Fake = "/fake";
    public const string Requests = "/fake/requests";
    public const string Faults = "/fake/faults";
    public const string FleetArea = "/fleet";

    /// <summary>The JSON of the <c>/fake/</c> surface (web defaults; the journal, faults and fleet use
    /// <see cref="RequestEndpoints.Json"/>).</summary>
    private static readonly JsonSerializerOptions ControlJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

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

    /// <summary>The routes of one fake server: <c>/fake/</c>, its journal and its faults.</summary>
    public static ControlRouter ForServer(FakeControl control, RequestJournal journal, FakeFaults faults, string secret)
    {
        const string M = Fake + "/meetings/{meetingID}";
        const string U = M + "/users/{userID}";
        return new ControlRouter()
            .Map(Fake, "GET", Fake, _ => Ok(() => new { endpoints = Endpoints }))
            .Map(Fake, "GET", Fake + "/state", _ => Ok(control.GetState))
            .Map(Fake, "POST", Fake + "/reset", _ => Ok(() => { control.Reset(); return control.GetState(); }))
            .Map(Fake, "GET", Fake + "/settings", _ => Ok(control.GetSettings))
            .Map(Fake, "POST", Fake + "/settings", c => Ok(() => control.SetSettings(
                c.Query("guestPolicy"), c.Query("videoCount"), c.Query("dialNumber"), c.Query("autoConnect") is { } connect ? On(connect) : null)))
            .Map(Fake, "GET", Fake + "/clock", _ => Ok(() => Clock(control)))
            .Map(Fake, "POST", Fake + "/clock/advance", c => Ok(() => { control.AdvanceClock(Duration(c)); return Clock(control); }))
            .Map(Fake, "POST", Fake + "/recordings/process", _ => Ok(() =>
            {
                var ids = control.ProcessRecordings();
                return new { processed = ids.Count, recordIDs = ids };
            }))
            .Map(Fake, "GET", M, c => Ok(() => control.GetMeeting(c["meetingID"]) ?? throw new FakeControlException(ControlError.NotFound, $"No meeting '{c["meetingID"]}' is in memory.")))
            .Map(Fake, "POST", M + "/end", c => Ok(() => { control.EndMeeting(c["meetingID"]); return new { ended = c["meetingID"] }; }))
            .Map(Fake, "POST", M + "/connect-all", c => Ok(() => new { connected = control.ConnectAll(c["meetingID"]) }))
            .Map(Fake, "POST", M + "/guests/approve", c => Ok(() => new { approved = control.ApproveAllGuests(c["meetingID"]) }))
            .Map(Fake, "POST", M + "/guests/deny", c => Ok(() => new { denied = control.DenyAllGuests(c["meetingID"]) }))
            .Map(Fake, "POST", M + "/guest-policy", c => Ok(() =>
            {
                control.SetGuestPolicy(c["meetingID"], c.Query("policy") ?? "");
                return new { guestPolicy = c.Query("policy") };
            }))
            .Map(Fake, "GET", M + "/users", c => Ok(() => control.GetUsers(c["meetingID"])))
            .Map(Fake, "POST", U + "/connect", c => Ok(() => control.Connect(c["meetingID"], c["userID"])))
            .Map(Fake, "POST", U + "/leave", c => Ok(() => { control.Leave(c["meetingID"], c["userID"]); return new { left = c["userID"] }; }))
            .Map(Fake, "POST", U + "/presenter", c => Ok(() => control.SetPresenter(c["meetingID"], c["userID"])))
            .Map(Fake, "POST", U + "/role", c => Ok(() => control.SetRole(c["meetingID"], c["userID"], c.Query("role") ?? "")))
            .Map(Fake, "POST", U + "/voice", c => Ok(() => control.SetVoice(c["meetingID"], c["userID"], On(c.Query("on")))))
            .Map(Fake, "POST", U + "/listen-only", c => Ok(() => control.SetListenOnly(c["meetingID"], c["userID"], On(c.Query("on")))))
            .Map(Fake, "POST", U + "/webcam", c => Ok(() => new { streamName = control.StartWebcam(c["meetingID"], c["userID"]) }))
            .Map(Fake, "DELETE", U + "/webcam", c => Ok(() => new { stopped = control.StopWebcam(c["meetingID"], c["userID"], c.Query("stream")) }))
            .Map(Fake, "POST", U + "/guest/approve", c => Ok(() => { control.ApproveGuest(c["meetingID"], c["userID"]); return new { approved = c["userID"] }; }))
            .Map(Fake, "POST", U + "/guest/deny", c => Ok(() => { control.DenyGuest(c["meetingID"], c["userID"]); return new { denied = c["userID"] }; }))
            .Otherwise(Fake, c => ControlReply.Json(404, new { error = $"No control endpoint {c.Method} {c.RawPath}; see GET {Fake}/ for the list.", endpoints = Endpoints }, ControlJson))

            .Map(Requests, "GET", Requests + "/report", c => string.Equals(c.Query("format"), "text", StringComparison.OrdinalIgnoreCase)
                ? new ControlReply(200, "text/plain;charset=utf-8", journal.Report().ToText())
                : Journal(200, journal.Report()))
            .Map(Requests, "GET", Requests, c => Journal(200, RequestEndpoints.View(journal.Snapshot(), c.Query("call"), c.Query("verdict"), secret)))
            .Map(Requests, "DELETE", Requests, _ =>
            {
                var count = journal.Count;
                journal.Clear();
                return Journal(200, new { cleared = count });
            })
            .Otherwise(Requests, c => Journal(405, new { error = $"{c.Method} {c.Path}: use GET {Requests}, GET {Requests}/report[?format=text] or DELETE {Requests}." }))

            .Map(Faults, "GET", Faults + "/{*id}", c => c["id"].Length == 0
                ? Journal(200, faults.All.Select(FaultView).ToList())
                : faults.All.FirstOrDefault(f => f.Id == c["id"]) is { } fault ? Journal(200, FaultView(fault)) : NoFault(c["id"]))
            .Map(Faults, "POST", Faults + "/{*id}", c => c["id"].Length == 0 ? PostFault(c, faults) : null)
            .Map(Faults, "DELETE", Faults + "/{*id}", c => c["id"].Length == 0
                ? Journal(200, new { removed = faults.Clear() })
                : faults.Remove(c["id"]) ? Journal(200, new { removed = c["id"] }) : NoFault(c["id"]))
            .Otherwise(Faults, c => Journal(405, new { error = $"{c.Method} {c.RawPath}: use GET/POST/DELETE {Faults} or GET/DELETE {Faults}/{{id}}." }));
    }

    /// <summary>The routes of a fleet's control. Errors: 404 unknown server, 400 bad argument, 405 anything else,
    /// always <c>{"error": "..."}</c>.</summary>
    public static ControlRouter ForFleet(FakeFleet fleet)
    {
        const string S = FleetArea + "/servers/{i}";
        return new ControlRouter()
            .Map(FleetArea, "GET", FleetArea, _ => Journal(200, FleetView(fleet)))
            .Map(FleetArea, "POST", FleetArea + "/up", _ =>
            {
                fleet.BringAllBack();
                return Journal(200, FleetView(fleet));
            })
            .Map(FleetArea, "GET", S, c => OnServer(fleet, c, (i, server) => Journal(200, FleetControl.View(i, server))))
            .Map(FleetArea, "POST", S + "/down", c => OnServer(fleet, c, (i, server) =>
            {
                if (FleetControl.ParseOutage(c.Query("mode")) is not { } outage)
                {
                    return Journal(400, new { error = "mode must be refuse, 503, hang or failed." });
                }

                server.TakeDown(outage);
                return Journal(200, FleetControl.View(i, server));
            }))
            .Map(FleetArea, "POST", S + "/slow", c => OnServer(fleet, c, (i, server) =>
            {
                if (!int.TryParse(c.Query("ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    return Journal(400, new { error = "slow needs ms=N (0 or more milliseconds)." });
                }

                server.SlowDown(TimeSpan.FromMilliseconds(ms));
                return Journal(200, FleetControl.View(i, server));
            }))
            .Map(FleetArea, "POST", S + "/up", c => OnServer(fleet, c, (i, server) =>
            {
                server.BringBack();
                return Journal(200, FleetControl.View(i, server));
            }))
            // Any other request naming a server that does not exist is told so before being told the method is wrong.
            .Map(FleetArea, "*", S + "/{*rest}", c => OnServer(fleet, c, (_, _) => null))
            .Otherwise(FleetArea, c => Journal(405, new { error = $"{c.Method} {c.Path}: use GET {FleetArea}, POST {FleetArea}/up, GET {FleetArea}/servers/{{i}}, POST {FleetArea}/servers/{{i}}/down?mode=refuse|503|hang|failed, POST {FleetArea}/servers/{{i}}/slow?ms=N or POST {FleetArea}/servers/{{i}}/up." }));
    }

    private static ControlReply? OnServer(FakeFleet fleet, ControlCall call, Func<int, FakeMconfServer, ControlReply?> then) =>
        int.TryParse(call["i"], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < fleet.Count
            ? then(i, fleet[i])
            : Journal(404, new { error = $"No server '{call["i"]}'; the fleet has servers 0..{fleet.Count - 1}." });

    private static List<object> FleetView(FakeFleet fleet) => [.. fleet.Servers.Select((s, i) => FleetControl.View(i, s))];

    /// <summary>200 and the value, or the status a <see cref="FakeControlException"/> names.</summary>
    private static ControlReply Ok(Func<object> action)
    {
        try
        {
            return ControlReply.Json(200, action(), ControlJson);
        }
        catch (FakeControlException ex)
        {
            var status = ex.Error switch { ControlError.NotFound => 404, ControlError.Conflict => 409, _ => 400 };
            return ControlReply.Json(status, new { error = ex.Message }, ControlJson);
        }
    }

    private static ControlReply Journal(int status, object value) => ControlReply.Json(status, value, RequestEndpoints.Json);

    private static ControlReply PostFault(ControlCall call, FakeFaults faults)
    {
        if (string.IsNullOrWhiteSpace(call.Body))
        {
            return Journal(400, new { error = "POST a fault as JSON, e.g. {\"call\":\"getMeetings\",\"kind\":\"status\",\"status\":503,\"times\":2}." });
        }

        try
        {
            var spec = JsonSerializer.Deserialize<FaultSpec>(call.Body, RequestEndpoints.Json) ?? throw new JsonException("null");
            return Journal(201, FaultView(faults.Add(spec)));
        }
        catch (JsonException ex)
        {
            return Journal(400, new { error = "Not a fault: " + ex.Message });
        }
        catch (ArgumentException ex)
        {
            return Journal(400, new { error = ex.Message });
        }
    }

    private static object FaultView(Fault fault) =>
        new { id = fault.Id, description = fault.Spec.Describe(), spec = fault.Spec, matched = fault.Matched, fired = fault.Fired, remaining = fault.Remaining, active = fault.Active };

    private static ControlReply NoFault(string id) => Journal(404, new { error = $"No fault '{id}'." });

    private static object Clock(FakeControl control) =>
        new { now = control.Now.ToUnixTimeMilliseconds(), iso = control.Now.ToString("O", CultureInfo.InvariantCulture) };

    private static bool On(string? on) => on is null || !on.Equals("false", StringComparison.OrdinalIgnoreCase) && on != "0";

    private static TimeSpan Duration(ControlCall call)
    {
        static long Parse(string? text, string name) =>
            text is null ? 0
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
            : throw new FakeControlException(ControlError.BadRequest, $"'{name}' must be a non-negative integer.");

        var ms = Parse(call.Query("ms"), "ms") + (Parse(call.Query("seconds"), "seconds") * 1000) + (Parse(call.Query("minutes"), "minutes") * 60_000);
        return ms == 0 && call.Query("ms") is null && call.Query("seconds") is null && call.Query("minutes") is null
            ? throw new FakeControlException(ControlError.BadRequest, "Give ms, seconds or minutes.")
            : TimeSpan.FromMilliseconds(ms);
    }
}
