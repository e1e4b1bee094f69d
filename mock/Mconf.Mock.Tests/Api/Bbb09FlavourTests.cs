using System.Net;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>The bbb-0.9 flavour lacks every Mconf-Live delta but keeps BBB 0.9's fields.</summary>
public sealed class Bbb09FlavourTests : FakeApiFixture
{
    protected override void Configure(FakeServerOptions options) => options.Flavour = "bbb-0.9";

    [Test]
    public async Task Create_HasNoVoiceBridgeOrDialNumber()
    {
        var r = await Api.Call("create", ("meetingID", FakeApi.Unique()));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "meetingID", "attendeePW", "moderatorPW", "createTime", "createDate", "hasUserJoined", "duration", "hasBeenForciblyEnded", "messageKey", "message"]);
    }

    [Test]
    public async Task GetMeetings_HasTheBbb09Fields()
    {
        var meeting = (await Api.Call("getMeetings")).Select("meetings/meeting").First();
        XmlShape.Children(meeting).ShouldBe(["meetingID", "meetingName", "createTime", "createDate", "attendeePW", "moderatorPW", "hasBeenForciblyEnded", "running", "duration", "hasUserJoined"]);
    }

    [Test]
    public async Task GetMeetingInfo_KeepsVoiceBridgeButNoMconfFields()
    {
        var id = await Api.Create();
        await Api.Join(id, "Guest", "ap", ("guest", "true"));
        var r = await Api.Info(id);
        XmlShape.Children(r.Root).ShouldBe(Facts.InfoOrder.Except(["internalMeetingID", "listenerCount", "voiceParticipantCount"]));
        XmlShape.Children(r.Select("attendees/attendee").Single()).ShouldBe(["userID", "fullName", "role", "customdata"]);
    }

    [Test]
    public async Task GetRecordings_IgnoresMetaFiltersAndMconfFields()
    {
        var all = (await Api.Call("getRecordings")).Select("recordings/recording").ToList();
        (await Api.Call("getRecordings", ("meta_course", "nothing"))).Select("recordings/recording").Count().ShouldBe(all.Count);
        foreach (var recording in all)
        {
            XmlShape.Children(recording).ShouldBe(["recordID", "meetingID", "name", "published", "startTime", "endTime", "metadata", "playback"]);
        }
    }

    [Test]
    public async Task GetStats_IsAnUnknownCall()
    {
        using var response = await Api.Send("getStats", Api.SignedQuery("getStats"));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Join_RedirectsToTheBbbClient()
    {
        var id = await Api.Create();
        using var response = await Api.Send("join", Api.SignedQuery("join", ("fullName", "A"), ("meetingID", id), ("password", "ap")));
        response.Headers.Location!.ToString().ShouldEndWith("/client/BigBlueButton.html");
    }
}
