using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.3 (isMeetingRunning) and §3.4 (end).</summary>
public sealed class RunningAndEndTests : FakeApiFixture
{
    private const string Bad = "checksum=0000000000000000000000000000000000000000";

    protected override void Configure(FakeServerOptions options) => options.ProcessRecordingsAtOnce = true;

    [Test]
    public async Task IsMeetingRunning_FollowsConnectedUsers()
    {
        var id = await Api.Create();
        var idle = await Api.Call("isMeetingRunning", ("meetingID", id));
        XmlShape.Children(idle.Root).ShouldBe(["returncode", "running"]);
        idle.Value("running").ShouldBe("false");
        await Api.Join(id, "Ann");
        (await Api.Call("isMeetingRunning", ("meetingID", id))).Value("running").ShouldBe("true");
        (await Api.Call("isMeetingRunning", ("meetingID", "unknown-" + id))).Value("running").ShouldBe("false");
    }

    [Test]
    public async Task IsMeetingRunning_Errors()
    {
        (await Api.CallRaw("isMeetingRunning", "meetingID=x")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("isMeetingRunning", Bad)).Message.ShouldBe(Facts.MissingMeetingId);
        (await Api.CallRaw("isMeetingRunning", "meetingID=x&" + Bad)).MessageKey.ShouldBe("checksumError");
    }

    [Test]
    public async Task End_Errors_InTheFactsOrder()
    {
        var id = await Api.Create();
        (await Api.CallRaw("end", $"meetingID={id}&password=mp")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("end", $"password=mp&{Bad}")).MessageKey.ShouldBe("missingParamMeetingID");
        var noPassword = await Api.CallRaw("end", $"meetingID={id}&{Bad}");
        (noPassword.MessageKey, noPassword.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordEnd));
        (await Api.CallRaw("end", $"meetingID={id}&password=mp&{Bad}")).MessageKey.ShouldBe("checksumError");
        var unknown = await Api.Call("end", ("meetingID", "unknown-" + id), ("password", "mp"));
        (unknown.MessageKey, unknown.Message).ShouldBe(("notFound", Facts.NotFoundEnd));
        var attendee = await Api.Call("end", ("meetingID", id), ("password", "ap"));
        (attendee.MessageKey, attendee.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordEnd));
    }

    [Test]
    public async Task End_Success_RemovesTheMeetingAndKeepsStatsAndRecording()
    {
        var id = await Api.Create(null, ("record", "true"), ("meta_course", "Physics"));
        await Api.Join(id, "Ann", "mp");
        var r = await Api.Call("end", ("meetingID", id), ("password", "mp"));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "messageKey", "message"]);
        (r.ReturnCode, r.MessageKey, r.Message).ShouldBe(("SUCCESS", "sentEndMeetingRequest", Facts.SentEnd));
        (await Api.Info(id)).MessageKey.ShouldBe("notFound");
        (await Api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"))).MessageKey.ShouldBe("invalidMeetingIdentifier");
        var stats = await Api.Call("getStats", ("meetingID", id));
        stats.Select("stats/meeting/participants/participant").Count().ShouldBe(1);
        var recordings = await Api.Call("getRecordings", ("meetingID", id));
        recordings.Value("recordings/recording/metadata/course").ShouldBe("Physics");
        (await Api.Call("create", ("meetingID", id), ("attendeePW", "ap"), ("moderatorPW", "mp"))).MessageKey.ShouldBeEmpty();
    }
}
