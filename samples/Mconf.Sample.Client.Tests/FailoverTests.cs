using Mconf.Mock;
using Mconf.Mock.Fleet;

namespace Mconf.Sample.Client.Tests;

/// <summary>A client failing over between the servers of a fleet of fakes when one goes down, in each way a
/// server goes down; the fleet's counters show where the requests went. Also runs the curl variant
/// (samples/fleet-failover.sh) against the fleet's HTTP control.</summary>
public sealed class FailoverTests
{
    private FakeFleet _fleet = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Start()
    {
        _fleet = FakeFleet.Start(3, new FakeServerOptions { Seed = 7 });
        _http = new HttpClient();
    }

    [TearDown]
    public void Stop()
    {
        _http.Dispose();
        _fleet.Dispose();
    }

    /// <summary>One attempt per server (failing over is the retry), and a timeout that a loaded CI machine never
    /// reaches on a healthy fake, so only a hanging server times out.</summary>
    private MconfFailoverClient Client() => new(_fleet.Servers.Select((s, i) => ("bbb" + i, new MconfClient(_http, new MconfClientOptions
    {
        BaseUrl = new Uri(s.BaseUrl),
        Secret = s.Secret,
        Timeout = TimeSpan.FromSeconds(5),
        MaxAttempts = 1,
    }))));

    [TestCase(Outage.Refuse)]
    [TestCase(Outage.Status503)]
    [TestCase(Outage.Hang)]
    public async Task WhenTheFirstServerGoesDown_CallsGoToTheNext_AndComeBack(Outage outage)
    {
        var client = Client();
        (await client.CallAsync(c => c.IsMeetingRunningAsync("room"))).ShouldBeFalse();
        client.LastServer.ShouldBe("bbb0");

        _fleet[0].TakeDown(outage);
        var created = await client.CallAsync(c => c.CreateMeetingAsync(new CreateMeetingRequest("room", "Room") { ModeratorPassword = "mp" }));
        created.MeetingId.ShouldBe("room");
        client.LastServer.ShouldBe("bbb1");
        client.Down.ShouldBe(["bbb0"]);
        (await client.CallAsync(c => c.IsMeetingRunningAsync("room"))).ShouldBeFalse();
        client.LastServer.ShouldBe("bbb1", "a server marked down is tried last");

        // Back up: the client's poll finds it, and calls go to the preferred server again.
        _fleet[0].BringBack();
        (await client.PollAsync()).ShouldBeEmpty();
        await client.CallAsync(c => c.IsMeetingRunningAsync("room"));
        client.LastServer.ShouldBe("bbb0");

        // What each server received (refused connections never arrive): bbb0 the first call, the failed attempt
        // unless refused, the poll and the last call; bbb1 the two calls it took over; bbb2 nothing.
        _fleet[0].RequestsReceived.ShouldBe(outage == Outage.Refuse ? 3 : 4);
        _fleet[1].RequestsReceived.ShouldBe(2);
        _fleet[2].RequestsReceived.ShouldBe(0);
    }

    [Test]
    public async Task HealthCheck_TreatsFailedAndSlowServersAsDown()
    {
        var clients = _fleet.Servers.Select(s => new MconfClient(_http, new MconfClientOptions { BaseUrl = new Uri(s.BaseUrl), Secret = s.Secret, Timeout = TimeSpan.FromSeconds(5), MaxAttempts = 1 })).ToList();
        _fleet[0].TakeDown(Outage.Failed);
        _fleet[1].SlowDown(TimeSpan.FromMinutes(5));

        var healthy = new List<bool>();
        foreach (var client in clients)
        {
            healthy.Add(await MconfFailoverClient.IsHealthyAsync(client));
        }

        healthy.ShouldBe([false, false, true]);
    }

    [Test]
    public async Task CurlVariant_FailsOverToo()
    {
        var control = _fleet.StartControl();
        var script = RepoRoot.File("samples/fleet-failover.sh");
        var run = await ProgramRun.RunAsync("bash", [script], TimeSpan.FromMinutes(1), Path.GetDirectoryName(script), new Dictionary<string, string?> { ["FLEET"] = control });
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("create failed over to server 1");
        _fleet[0].Outage.ShouldBe(Outage.None, "the script brings the server back");
        _fleet[1].RequestsReceived.ShouldBeGreaterThan(0);
    }
}
