using System.Net;
using System.Text.Json;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Control;

/// <summary>The /fake/ endpoints documented in mock/README.md.</summary>
public sealed class ControlHttpTests : FakeApiFixture
{
    protected override void Configure(FakeServerOptions options) => options.AutoConnect = false;

    private async Task<(HttpStatusCode Status, JsonElement Json)> Send(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, Api.Root + pathAndQuery);
        using var response = await Api.Http.SendAsync(request);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private Task<(HttpStatusCode Status, JsonElement Json)> Post(string path) => Send(HttpMethod.Post, path);

    [Test]
    public async Task PresenceLifecycle_OverHttp()
    {
        var id = await Api.Create();
        var mod = await Api.Join(id, "Mod", "mp", ("userID", "mod-ext"));
        var guest = await Api.Join(id, "Guest", "ap", ("guest", "true"));
        (await Api.Info(id)).Value("participantCount").ShouldBe("0");

        (await Post($"/fake/meetings/{id}/users/mod-ext/connect")).Json.GetProperty("isPresenter").GetBoolean().ShouldBeTrue();
        (await Post($"/fake/meetings/{id}/users/{guest}/connect")).Json.GetProperty("waitingForAcceptance").GetBoolean().ShouldBeTrue();
        (await Post($"/fake/meetings/{id}/users/{mod}/voice")).Json.GetProperty("hasJoinedVoice").GetBoolean().ShouldBeTrue();
        (await Post($"/fake/meetings/{id}/users/{mod}/voice?on=false")).Json.GetProperty("hasJoinedVoice").GetBoolean().ShouldBeFalse();
        (await Post($"/fake/meetings/{id}/users/{mod}/listen-only?on=true")).Json.GetProperty("isListeningOnly").GetBoolean().ShouldBeTrue();
        var stream = (await Post($"/fake/meetings/{id}/users/{mod}/webcam")).Json.GetProperty("streamName").GetString();
        stream.ShouldStartWith("320x240-" + mod + "-");
        (await Post($"/fake/meetings/{id}/users/{guest}/guest/approve")).Status.ShouldBe(HttpStatusCode.OK);
        (await Post($"/fake/meetings/{id}/users/{guest}/presenter")).Json.GetProperty("isPresenter").GetBoolean().ShouldBeTrue();

        var info = await Api.Info(id);
        (info.Value("participantCount"), info.Value("listenerCount"), info.Value("voiceParticipantCount")).ShouldBe(("2", "1", "0"));
        info.Select("attendees/attendee").Count(a => Mconf.Spec.Xml.BbbResponse.Value(a, "isPresenter") == "true").ShouldBe(1);

        (await Send(HttpMethod.Delete, $"/fake/meetings/{id}/users/{mod}/webcam")).Json.GetProperty("stopped").GetInt32().ShouldBe(1);
        (await Post($"/fake/meetings/{id}/users/{mod}/leave")).Status.ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Get, $"/fake/meetings/{id}/users")).Json.GetArrayLength().ShouldBe(2);
        (await Post($"/fake/meetings/{id}/end")).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Info(id)).MessageKey.ShouldBe("notFound");
    }

    [Test]
    public async Task Guests_AllAtOnce_AndConnectAll()
    {
        var id = await Api.Create();
        await Api.Join(id, "G1", "ap", ("guest", "true"));
        await Api.Join(id, "G2", "ap", ("guest", "true"));
        (await Post($"/fake/meetings/{id}/connect-all")).Json.GetProperty("connected").GetInt32().ShouldBe(2);
        (await Post($"/fake/meetings/{id}/guests/deny")).Json.GetProperty("denied").GetInt32().ShouldBe(2);
        (await Api.Info(id)).Value("participantCount").ShouldBe("0");
        (await Post($"/fake/meetings/{id}/guest-policy?policy=ALWAYS_ACCEPT")).Status.ShouldBe(HttpStatusCode.OK);
        (await Post($"/fake/meetings/{id}/guest-policy?policy=bad")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Errors_AreJsonWithStatus()
    {
        var id = await Api.Create();
        var user = await Api.Join(id, "Ann");
        (await Post($"/fake/meetings/unknown-{id}/users/x/connect")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Post($"/fake/meetings/{id}/users/nobody/connect")).Status.ShouldBe(HttpStatusCode.NotFound);
        var conflict = await Post($"/fake/meetings/{id}/users/{user}/presenter");
        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        conflict.Json.GetProperty("error").GetString()!.ShouldContain("not connected");
        (await Post("/fake/nothing-here")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Post("/fake/clock/advance?ms=abc")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task MeetingIdsWithSlashes_AreDecodedPerSegment()
    {
        var id = "a/b " + FakeApi.Unique();
        await Api.Create(id);
        var user = await Api.Join(id, "Ann");
        (await Post($"/fake/meetings/{Uri.EscapeDataString(id)}/users/{user}/connect")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task StateClockAndRecordings()
    {
        var (status, state) = await Send(HttpMethod.Get, "/fake/state");
        status.ShouldBe(HttpStatusCode.OK);
        state.GetProperty("flavour").GetString().ShouldBe("mconf-live");
        state.GetProperty("meetings").GetArrayLength().ShouldBeGreaterThan(0);
        var before = (await Send(HttpMethod.Get, "/fake/clock")).Json.GetProperty("now").GetInt64();
        var after = (await Post("/fake/clock/advance?seconds=30")).Json.GetProperty("now").GetInt64();
        (after - before).ShouldBeGreaterThanOrEqualTo(30_000);
        (await Post("/fake/recordings/process")).Json.GetProperty("processed").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        (await Send(HttpMethod.Get, "/fake/")).Json.GetProperty("endpoints").GetArrayLength().ShouldBeGreaterThan(5);
    }

    [Test]
    public async Task Reset_ReseedsTheData()
    {
        using var api = FakeApi.Start();
        await api.Create();
        using var response = await api.Http.PostAsync(api.Root + "/fake/reset", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Call("getMeetings")).Select("meetings/meeting").Count().ShouldBe(3);
    }
}
