using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.6 with the Mconf fields (§6.1).</summary>
public sealed class GetMeetingsTests
{
    [Test]
    public async Task GetMeetings_Seeded_HasTheMconfOrderAndNoMessageKey()
    {
        using var api = FakeApi.Start();
        var r = await api.Call("getMeetings");
        XmlShape.Children(r.Root).ShouldBe(["returncode", "meetings"]);
        var meetings = r.Select("meetings/meeting").ToList();
        meetings.Count.ShouldBe(3);
        foreach (var m in meetings)
        {
            XmlShape.Children(m).ShouldBe(Facts.MeetingsEntryOrder);
        }
    }

    [Test]
    public async Task GetMeetings_None_IsNoMeetings()
    {
        using var api = FakeApi.Start(o => o.Meetings = 0);
        var body = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        body.ShouldBe($"<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey><message>{Facts.NoMeetings}</message></response>");
    }

    [Test]
    public async Task GetMeetings_AgreesWithGetMeetingInfo()
    {
        using var api = FakeApi.Start();
        foreach (var m in (await api.Call("getMeetings")).Select("meetings/meeting"))
        {
            var info = await api.Info(BbbResponse.Value(m, "meetingID")!);
            foreach (var name in new[] { "meetingName", "createTime", "createDate", "voiceBridge", "dialNumber", "attendeePW", "moderatorPW", "running", "participantCount", "listenerCount", "voiceParticipantCount", "duration", "hasUserJoined", "hasBeenForciblyEnded" })
            {
                BbbResponse.Value(m, name).ShouldBe(info.Value(name), name);
            }

            BbbResponse.Value(m, "videoCount").ShouldBe(info.Select("attendees/attendee/videoStreams/streamName").Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public async Task GetMeetings_Errors()
    {
        using var api = FakeApi.Start(o => o.Meetings = 0);
        (await api.CallRaw("getMeetings", "")).MessageKey.ShouldBe("checksumError");
        (await api.CallRaw("getMeetings", "checksum=abc")).Message.ShouldBe(Facts.ChecksumError);
    }
}
