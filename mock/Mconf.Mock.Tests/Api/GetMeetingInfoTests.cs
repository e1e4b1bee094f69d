using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.5 with the Mconf fields (§6.1).</summary>
public sealed class GetMeetingInfoTests : FakeApiFixture
{
    [Test]
    public async Task Info_HasTheMconfOrderAndFields()
    {
        var id = await Api.Create(null, ("voiceBridge", "71234"), ("record", "true"), ("maxParticipants", "7"));
        var mod = await Api.Join(id, "Mod", "mp");
        await Api.Join(id, "Viewer", "ap");
        Api.Server.Control.StartWebcam(id, mod);
        Api.Server.Control.SetListenOnly(id, mod);
        var body = await Api.Text("getMeetingInfo", Api.SignedQuery("getMeetingInfo", ("meetingID", id)));
        body.ShouldEndWith("<metadata></metadata><messageKey></messageKey><message></message></response>");
        var r = BbbResponse.Parse(body);
        XmlShape.Children(r.Root).ShouldBe(Facts.InfoOrder);
        r.Value("internalMeetingID").ShouldBe(MeetingIds.Key(id) + "-" + r.Value("createTime"));
        (r.Value("voiceBridge"), r.Value("recording"), r.Value("maxUsers"), r.Value("running")).ShouldBe(("71234", "true", "7", "true"));
        (r.Value("participantCount"), r.Value("moderatorCount"), r.Value("listenerCount"), r.Value("voiceParticipantCount")).ShouldBe(("2", "1", "1", "0"));
        r.Value("startTime").ShouldBe(r.Value("createTime"));
        r.Value("endTime").ShouldBe("0");
        var attendees = r.Select("attendees/attendee").ToList();
        XmlShape.Children(attendees[0]).ShouldBe(Facts.AttendeeOrder);
        BbbResponse.Value(attendees[0], "isPresenter").ShouldBe("true");
        BbbResponse.Value(attendees[0], "videoStreams/streamName")!.ShouldStartWith("320x240-" + mod + "-");
        body.ShouldContain("<videoStreams></videoStreams><customdata></customdata>");
    }

    [Test]
    public async Task Info_NoAttendees_IsAnEmptyPair()
    {
        var id = await Api.Create();
        (await Api.Text("getMeetingInfo", Api.SignedQuery("getMeetingInfo", ("meetingID", id)))).ShouldContain("<attendees></attendees>");
    }

    [Test]
    public async Task Info_IgnoresThePassword()
    {
        var id = await Api.Create();
        (await Api.Call("getMeetingInfo", ("meetingID", id), ("password", "wrong"))).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Info_Errors()
    {
        (await Api.CallRaw("getMeetingInfo", "meetingID=x")).MessageKey.ShouldBe("checksumError");
        (await Api.Call("getMeetingInfo")).Message.ShouldBe(Facts.MissingMeetingId);
        (await Api.CallRaw("getMeetingInfo", "meetingID=x&checksum=0000000000000000000000000000000000000000")).MessageKey.ShouldBe("checksumError");
        var unknown = await Api.Call("getMeetingInfo", ("meetingID", FakeApi.Unique()));
        (unknown.ReturnCode, unknown.MessageKey, unknown.Message).ShouldBe(("FAILED", "notFound", Facts.NotFoundInfo));
    }
}
