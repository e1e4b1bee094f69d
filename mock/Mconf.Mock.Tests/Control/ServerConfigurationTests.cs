using System.Net;
using System.Text.Json;
using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Control;

/// <summary>The server configuration a client meets in the field, as options of the fake (guest policy, videoCount
/// reading, default dial number) and over GET/POST /fake/settings: each changes what the API shows, and only that.</summary>
public sealed class ServerConfigurationTests
{
    private static async Task<(FakeApi Api, string Meeting, string Guest)> GuestConnected(Action<FakeServerOptions> configure)
    {
        var api = FakeApi.Start(o =>
        {
            o.AutoConnect = false;
            configure(o);
        });
        var id = await api.Create();
        var guest = await api.Join(id, "Guest", "ap", ("guest", "true"), ("userID", "guest-ext"));
        return (api, id, guest);
    }

    private static string? Attendee(BbbResponse info, string userId, string element) =>
        info.Select("attendees/attendee").Where(a => BbbResponse.Value(a, "userID") == userId).Select(a => BbbResponse.Value(a, element)).FirstOrDefault();

    // No policy: ask-moderator, the default, so the guest waits; always-accept: the guest is in at once, still marked guest.
    [TestCase(null, true)]
    [TestCase("always-accept", false)]
    public async Task GuestPolicy_DecidesWhetherTheGuestWaits(string? policy, bool waits)
    {
        var (api, id, _) = await GuestConnected(o => o.GuestPolicy = policy ?? o.GuestPolicy);
        using var _api = api;
        api.Server.Control.Connect(id, "guest-ext").WaitingForAcceptance.ShouldBe(waits);
        var info = await api.Call("getMeetingInfo", ("meetingID", id));
        (Attendee(info, "guest-ext", "guest"), Attendee(info, "guest-ext", "waitingForAcceptance")).ShouldBe(("true", waits ? "true" : "false"));
    }

    [Test]
    public async Task GuestPolicy_AlwaysDeny_GuestIsRefusedWhenItsClientConnects()
    {
        var (api, id, _) = await GuestConnected(o => o.GuestPolicy = GuestPolicies.AlwaysDeny);
        using var _api = api;
        Should.Throw<FakeControlException>(() => api.Server.Control.Connect(id, "guest-ext")).Error.ShouldBe(ControlError.Conflict);
        (await api.Call("getMeetingInfo", ("meetingID", id))).Value("participantCount").ShouldBe("0");
    }

    [Test]
    public async Task VideoCount_Streams_TheDefault_OrParticipants_DifferForTwoWebcamsOfOneUser()
    {
        foreach (var (reading, expected) in new[] { ("streams", "2"), ("participants", "1") })
        {
            using var api = FakeApi.Start(o => o.VideoCount = reading);
            var id = await api.Create();
            var user = await api.Join(id, "Cam", "mp");
            api.Server.Control.StartWebcam(id, user);
            api.Server.Control.StartWebcam(id, user);
            var entry = (await api.Call("getMeetings")).Select("meetings/meeting").Single(m => BbbResponse.Value(m, "meetingID") == id);
            BbbResponse.Value(entry, "videoCount").ShouldBe(expected, reading);
            var info = await api.Call("getMeetingInfo", ("meetingID", id));
            info.Select("attendees/attendee/videoStreams/streamName").Count().ShouldBe(2, "the streams are listed either way");
        }
    }

    [TestCase("GuestPolicy", "sometimes")]
    [TestCase("VideoCount", "cameras")]
    public void Validate_RejectsUnknownReadings(string key, string value)
    {
        var options = new FakeServerOptions();
        typeof(FakeServerOptions).GetProperty(key)!.SetValue(options, value);
        Should.Throw<ArgumentException>(options.Validate).ParamName.ShouldBe(key);
    }

    [Test]
    public async Task Settings_OverHttp_ApplyToWhatHappensNext()
    {
        using var api = FakeApi.Start(o => o.AutoConnect = false);
        using var http = new HttpClient();
        var settingsUrl = api.Root + "/fake/settings";
        using (var document = JsonDocument.Parse(await http.GetStringAsync(settingsUrl)))
        {
            var s = document.RootElement;
            (s.GetProperty("guestPolicy").GetString(), s.GetProperty("videoCount").GetString(), s.GetProperty("dialNumber").GetString(), s.GetProperty("autoConnect").GetBoolean())
                .ShouldBe(("ASK_MODERATOR", "streams", "613-555-1234", false));
        }

        var before = await api.Create();
        using var changed = await http.PostAsync(settingsUrl + "?guestPolicy=ALWAYS_ACCEPT&videoCount=participants&dialNumber=&autoConnect=true", null);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var bad = await http.PostAsync(settingsUrl + "?videoCount=cameras", null);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A meeting created before keeps its policy; one created after takes the new one, and joins now connect.
        var after = await api.Create();
        await api.Join(before, "G1", "ap", ("guest", "true"), ("userID", "g1"));
        await api.Join(after, "G2", "ap", ("guest", "true"), ("userID", "g2"));
        api.Server.Control.Connect(before, "g1").WaitingForAcceptance.ShouldBeTrue();
        Attendee(await api.Call("getMeetingInfo", ("meetingID", after)), "g2", "waitingForAcceptance").ShouldBe("false");
        var created = await api.Call("create", ("meetingID", FakeApi.Unique()), ("attendeePW", "ap"), ("moderatorPW", "mp"));
        created.Value("dialNumber").ShouldBe("");
        api.Server.Control.GetSettings().ShouldBe(new FakeSettingsView("ALWAYS_ACCEPT", "participants", "", true));
    }
}
