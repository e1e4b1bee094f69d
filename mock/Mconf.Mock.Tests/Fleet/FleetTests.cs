using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Mconf.Mock.Fleet;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Fleet;

/// <summary>FakeFleet: independent servers in one process, outages that a load balancer tells apart, counters,
/// and the HTTP control.</summary>
public sealed class FleetTests
{
    private FakeFleet _fleet = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Start()
    {
        _fleet = FakeFleet.Start(3, new FakeServerOptions { Meetings = 1, AttendeesPerMeeting = 2, Recordings = 1, StatsMeetings = 1 });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    [TearDown]
    public void Stop()
    {
        _http.Dispose();
        _fleet.Dispose();
    }

    private static string Url(FakeMconfServer server, string call, params (string, string?)[] parameters) =>
        server.ApiUrl + call + "?" + new RequestSigner(server.Secret).SignedQuery(call, [.. parameters.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))]);

    private async Task<BbbResponse> Call(FakeMconfServer server, string call, params (string, string?)[] parameters) =>
        BbbResponse.Parse(await _http.GetStringAsync(Url(server, call, parameters)));

    [Test]
    public async Task Servers_AreIndependent_WithTheirOwnPortSecretSeedAndState()
    {
        _fleet.Servers.Select(s => s.Port).Distinct().Count().ShouldBe(3);
        _fleet.Servers.Select(s => s.Secret).Distinct().Count().ShouldBe(3);
        _fleet.Servers.Select(s => s.Options.Seed).ShouldBe([42, 43, 44]);
        _fleet[1].Secret.ShouldBe(FakeFleet.SecretOf(new FakeServerOptions().Secret, 1));

        (await Call(_fleet[0], "create", ("meetingID", "only-on-0"), ("name", "x"))).ReturnCode.ShouldBe("SUCCESS");
        (await Call(_fleet[0], "isMeetingRunning", ("meetingID", "only-on-0"))).Value("running").ShouldBe("false");
        (await Call(_fleet[1], "getMeetingInfo", ("meetingID", "only-on-0"), ("password", "x"))).MessageKey.ShouldBe("notFound");

        // A request signed with server 0's secret fails on server 1.
        var signedFor0 = Url(_fleet[0], "getMeetings").Replace(_fleet[0].ApiUrl, _fleet[1].ApiUrl, StringComparison.Ordinal);
        BbbResponse.Parse(await _http.GetStringAsync(signedFor0)).MessageKey.ShouldBe("checksumError");
    }

    [Test]
    public async Task Counters_ShowTheRequestsEachServerReceived()
    {
        await Call(_fleet[0], "getMeetings");
        await Call(_fleet[2], "getMeetings");
        await Call(_fleet[2], "getRecordings");
        _fleet.Servers.Select(s => s.RequestsReceived).ShouldBe([1L, 0L, 2L]);
    }

    [Test]
    public async Task Refuse_ClosesThePort_AndBringBackKeepsTheState()
    {
        (await Call(_fleet[0], "create", ("meetingID", "survives"), ("name", "x"))).ReturnCode.ShouldBe("SUCCESS");
        _fleet[0].Faults.For("getRecordings").Failed("stillHere");
        _fleet[0].TakeDown(Outage.Refuse);

        var refused = await Should.ThrowAsync<HttpRequestException>(() => _http.GetStringAsync(Url(_fleet[0], "getMeetings")));
        (refused.InnerException as SocketException)?.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
        (await Call(_fleet[1], "getMeetings")).ReturnCode.ShouldBe("SUCCESS");

        _fleet[0].BringBack();
        (await Call(_fleet[0], "getMeetings")).Select("meetings/meeting/meetingID").Select(BbbResponse.Text).ShouldContain("survives");
        (await Call(_fleet[0], "getRecordings")).MessageKey.ShouldBe("stillHere");
        _fleet[0].Outage.ShouldBe(Outage.None);
    }

    [Test]
    public async Task Status503_AndFailed_AnswerEveryApiCall()
    {
        _fleet[1].TakeDown(Outage.Status503);
        using (var response = await _http.GetAsync(Url(_fleet[1], "getMeetings")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).ShouldContain("HTTP Status 503");
        }

        _fleet[1].TakeDown(Outage.Failed);
        var failed = await Call(_fleet[1], "getMeetingInfo", ("meetingID", "any"), ("password", "p"));
        failed.ReturnCode.ShouldBe("FAILED");
        failed.MessageKey.ShouldBe("serverUnavailable");

        _fleet[1].BringBack();
        (await Call(_fleet[1], "getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        _fleet[1].RequestsReceived.ShouldBe(3);
    }

    [Test]
    public async Task Hang_HoldsRequestsUntilTheServerComesBack()
    {
        _fleet[2].TakeDown(Outage.Hang);
        using (var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) })
        {
            await Should.ThrowAsync<TaskCanceledException>(() => impatient.GetStringAsync(Url(_fleet[2], "getMeetings")));
        }

        var pending = _http.GetStringAsync(Url(_fleet[2], "getMeetings"));
        for (var i = 0; i < 200 && _fleet[2].RequestsReceived < 2; i++)
        {
            await Task.Delay(10);
        }

        pending.IsCompleted.ShouldBeFalse();
        _fleet[2].BringBack();
        BbbResponse.Parse(await pending).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task SlowDown_DelaysAnswers_UntilBroughtBack()
    {
        _fleet[0].SlowDown(TimeSpan.FromMinutes(10));
        using (var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) })
        {
            await Should.ThrowAsync<TaskCanceledException>(() => impatient.GetStringAsync(Url(_fleet[0], "getMeetings")));
        }

        _fleet[0].Delay.ShouldBe(TimeSpan.FromMinutes(10));
        _fleet[0].SlowDown(TimeSpan.Zero);
        (await Call(_fleet[0], "getMeetings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task HttpControl_ListsTakesDownAndBringsBack()
    {
        var control = _fleet.StartControl();
        await Call(_fleet[1], "getMeetings");

        using var list = JsonDocument.Parse(await _http.GetStringAsync(control));
        list.RootElement.GetArrayLength().ShouldBe(3);
        list.RootElement[1].GetProperty("url").GetString().ShouldBe(_fleet[1].BaseUrl);
        list.RootElement[1].GetProperty("requests").GetInt64().ShouldBe(1);
        list.RootElement[1].GetProperty("outage").GetString().ShouldBe("none");

        using (var down = await _http.PostAsync(control + "/servers/1/down?mode=failed", null))
        {
            down.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Call(_fleet[1], "getMeetings")).MessageKey.ShouldBe("serverUnavailable");
        using (var refuse = await _http.PostAsync(control + "/servers/1/down?mode=refuse", null))
        {
            refuse.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Should.ThrowAsync<HttpRequestException>(() => _http.GetStringAsync(Url(_fleet[1], "getMeetings")));
        using (var slow = await _http.PostAsync(control + "/servers/2/slow?ms=5", null))
        {
            slow.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        _fleet[2].Delay.ShouldBe(TimeSpan.FromMilliseconds(5));
        using (var up = await _http.PostAsync(control + "/up", null))
        {
            up.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Call(_fleet[1], "getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        _fleet[2].Delay.ShouldBe(TimeSpan.Zero);

        using var unknown = await _http.PostAsync(control + "/servers/9/up", null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badMode = await _http.PostAsync(control + "/servers/0/down?mode=melt", null);
        badMode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public void ConfigList_StartsOneServerPerEntry()
    {
        using var fleet = FakeFleet.Start([new FakeServerOptions { Secret = "a", Seed = 1, Meetings = 0 }, new FakeServerOptions { Secret = "b", Seed = 2, Flavour = FakeServerOptions.Bbb09, Meetings = 0 }]);
        fleet.Servers.Select(s => s.Secret).ShouldBe(["a", "b"]);
        fleet[1].Options.IsMconf.ShouldBeFalse();
    }
}
