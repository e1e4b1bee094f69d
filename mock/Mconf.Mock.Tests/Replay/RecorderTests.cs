using System.Net;
using System.Text.Json;
using Mconf.Mock.Replay;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Replay;

/// <summary>Record mode, with a second in-process fake (another secret) as the "real server".</summary>
public sealed class RecorderTests : TempFolderPerTest
{
    private const string RealSecret = "the-real-secret-0123456789";
    private FakeMconfServer _real = null!;
    private FakeApi _proxy = null!;

    [SetUp]
    public void Start()
    {
        _real = FakeMconfServer.Start(new FakeServerOptions { Secret = RealSecret, AutoConnect = true, Log = _ => { } });
        _proxy = FakeApi.Start(o =>
        {
            o.Secret = "the-fake-secret";
            o.RecordFrom = _real.BaseUrl;
            o.RecordSecret = RealSecret;
            o.RecordTo = Folder.Path;
        });
    }

    [TearDown]
    public void Stop()
    {
        _proxy.Dispose();
        _real.Dispose();
    }

    [Test]
    public async Task Record_ReSignsForTheRealServer_AndAnswersWithItsAnswers()
    {
        var id = await _proxy.Create("rec-room", ("record", "true"));
        await _proxy.Join(id, "Ann Moderator", "mp");
        (await _proxy.Info(id)).Value("participantCount").ShouldBe("1");
        _real.Control.GetMeeting("rec-room").ShouldNotBeNull();
        _real.Requests.ShouldAllBe(r => r.IsSignedCorrectly);
    }

    [Test]
    public async Task Record_WritesOneRedactedFilePerExchange()
    {
        await _proxy.Create("rec-room");
        await _proxy.Call("getMeetings");
        var files = Folder.Files().Select(Path.GetFileName).ToList();
        files.ShouldBe(["0001-create.json", "0002-getMeetings.json"]);
        var text = await File.ReadAllTextAsync(Folder.Files()[0]);
        text.ShouldNotContain(RealSecret);
        text.ShouldNotContain("the-fake-secret");
        text.ShouldNotContain("checksum");
        var exchange = JsonSerializer.Deserialize<RecordedExchange>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        (exchange.Call, exchange.Method, exchange.Status).ShouldBe(("create", "GET", 200));
        exchange.Parameters.ShouldContain(new RecordedParameter("name", "Test rec-room"));
        exchange.Body!.ShouldContain("<meetingID>rec-room</meetingID>");
    }

    [Test]
    public async Task Record_ForwardsThePostBody_AndKeepsTheContentTypeAsSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _proxy.Url("create", _proxy.SignedQuery("create", ("meetingID", "posted"))))
        {
            Content = new StringContent("<modules></modules>", System.Text.Encoding.UTF8, "application/xml"),
        };
        using var response = await _proxy.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _real.Requests.Single().Method.ShouldBe("POST");
        _real.Control.GetMeeting("posted").ShouldNotBeNull();
        new FixtureFolder(Folder.Path).ReadAll().Single().ContentType.ShouldBe("text/xml;charset=utf-8");
    }

    [Test]
    public async Task Record_KeepsTheRawEncoding()
    {
        var query = new RequestSigner("the-fake-secret", spaces: SpaceStyle.Percent).SignedQuery("create", FakeApi.P(("meetingID", "enc room"), ("name", "Caf\u00e9 & co")));
        (await _proxy.CallRaw("create", query)).ReturnCode.ShouldBe("SUCCESS");
        _real.Control.GetMeeting("enc room").ShouldNotBeNull();
    }

    [Test]
    public async Task Record_Redirect_IsKeptWithItsLocation()
    {
        await _proxy.Create("rec-room");
        using var response = await _proxy.Send("join", _proxy.SignedQuery("join", ("fullName", "Ann"), ("meetingID", "rec-room"), ("password", "ap")));
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        var exchange = new FixtureFolder(Folder.Path).ReadAll()[^1];
        (exchange.Status, exchange.Location).ShouldBe((302, response.Headers.Location!.OriginalString));
    }

    [Test]
    public async Task Record_ABadClientChecksum_IsAnsweredLocallyAndNotForwarded()
    {
        var query = "meetingID=x&checksum=" + Checksum.Compute("isMeetingRunning", "meetingID=x", RealSecret);
        (await _proxy.CallRaw("isMeetingRunning", query)).MessageKey.ShouldBe("checksumError");
        _real.Requests.ShouldBeEmpty();
        Folder.Files().ShouldBeEmpty();
    }

    [Test]
    public async Task Record_RealServerDown_Answers502()
    {
        using var folder = new TempDirectory();
        using var proxy = FakeApi.Start(o =>
        {
            o.RecordFrom = "http://127.0.0.1:9/bigbluebutton";
            o.RecordSecret = "x";
            o.RecordTo = folder.Path;
        });
        using var response = await proxy.Send("getMeetings", proxy.SignedQuery("getMeetings"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        proxy.Logged.ShouldHaveSingleItem().ShouldContain("did not answer");
    }
}
