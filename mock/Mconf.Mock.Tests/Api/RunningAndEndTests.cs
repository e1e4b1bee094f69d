using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.3 (isMeetingRunning) and §3.4 (end).</summary>
public sealed class RunningAndEndTests
{
    private const string Bad = "checksum=0000000000000000000000000000000000000000";
    private FakeApi _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = FakeApi.Start(o => o.ProcessRecordingsAtOnce = true);

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _api.Logged.ShouldBeEmpty();
    }

    [Test]
    public async Task IsMeetingRunning_FollowsConnectedUsers()
    {
        var id = await _api.Create();
        var idle = await _api.Call("isMeetingRunning", ("meetingID", id));
        XmlShape.Children(idle.Root).ShouldBe(["returncode", "running"]);
        idle.Value("running").ShouldBe("false");
        await _api.Join(id, "Ann");
        (await _api.Call("isMeetingRunning", ("meetingID", id))).Value("running").ShouldBe("true");
        (await _api.Call("isMeetingRunning", ("meetingID", "unknown-" + id))).Value("running").ShouldBe("false");
    }

    [Test]
    public async Task IsMeetingRunning_Errors()
    {
        (await _api.CallRaw("isMeetingRunning", "meetingID=x")).MessageKey.ShouldBe("checksumError");
        (await _api.CallRaw("isMeetingRunning", Bad)).Message.ShouldBe(Facts.MissingMeetingId);
        (await _api.CallRaw("isMeetingRunning", "meetingID=x&" + Bad)).MessageKey.ShouldBe("checksumError");
    }

    [Test]
    public async Task End_Errors_InTheFactsOrder()
    {
        var id = await _api.Create();
        (await _api.CallRaw("end", $"meetingID={id}&password=mp")).MessageKey.ShouldBe("checksumError");
        (await _api.CallRaw("end", $"password=mp&{Bad}")).MessageKey.ShouldBe("missingParamMeetingID");
        var noPassword = await _api.CallRaw("end", $"meetingID={id}&{Bad}");
        (noPassword.MessageKey, noPassword.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordEnd));
        (await _api.CallRaw("end", $"meetingID={id}&password=mp&{Bad}")).MessageKey.ShouldBe("checksumError");
        var unknown = await _api.Call("end", ("meetingID", "unknown-" + id), ("password", "mp"));
        (unknown.MessageKey, unknown.Message).ShouldBe(("notFound", Facts.NotFoundEnd));
        var attendee = await _api.Call("end", ("meetingID", id), ("password", "ap"));
        (attendee.MessageKey, attendee.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordEnd));
    }

    [Test]
    public async Task End_Success_RemovesTheMeetingAndKeepsStatsAndRecording()
    {
        var id = await _api.Create(null, ("record", "true"), ("meta_course", "Physics"));
        await _api.Join(id, "Ann", "mp");
        var r = await _api.Call("end", ("meetingID", id), ("password", "mp"));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "messageKey", "message"]);
        (r.ReturnCode, r.MessageKey, r.Message).ShouldBe(("SUCCESS", "sentEndMeetingRequest", Facts.SentEnd));
        (await _api.Info(id)).MessageKey.ShouldBe("notFound");
        (await _api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"))).MessageKey.ShouldBe("invalidMeetingIdentifier");
        var stats = await _api.Call("getStats", ("meetingID", id));
        stats.Select("stats/meeting/participants/participant").Count().ShouldBe(1);
        var recordings = await _api.Call("getRecordings", ("meetingID", id));
        recordings.Value("recordings/recording/metadata/course").ShouldBe("Physics");
        (await _api.Call("create", ("meetingID", id), ("attendeePW", "ap"), ("moderatorPW", "mp"))).MessageKey.ShouldBeEmpty();
    }
}
