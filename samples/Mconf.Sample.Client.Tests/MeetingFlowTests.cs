using Mconf.Sample.Client.Tests.Support;

namespace Mconf.Sample.Client.Tests;

/// <summary>The whole flow of an integration: create, join, users connect (simulated by the fake's control
/// surface, since no browser ever connects to a fake), then read it back with getMeetingInfo, getRecordings
/// filtered by metadata, and getStats for several meetings.</summary>
public sealed class MeetingFlowTests : SampleFakeTests
{
    private const string Room = "physics-101";
    private MconfClient _client = null!;

    [SetUp]
    public void CreateClient() => _client = Fake.Client();

    private async Task CreateAndJoinThree()
    {
        await _client.CreateMeetingAsync(new CreateMeetingRequest(Room, "Physics 101")
        {
            AttendeePassword = "ap",
            ModeratorPassword = "mp",
            Record = true,
            Metadata = new Dictionary<string, string> { ["course"] = "sample-physics", ["term"] = "2026-1" },
        });
        await _client.JoinAsync(new JoinRequest(Room, "Tess Teacher", "mp") { UserId = "teacher" });
        await _client.JoinAsync(new JoinRequest(Room, "Sam Student", "ap") { UserId = "student" });
        await _client.JoinAsync(new JoinRequest(Room, "Vic Visitor", "ap") { UserId = "visitor", Guest = true });
    }

    [Test]
    public async Task Create_ReturnsThePasswordsAndMconfFields()
    {
        var created = await _client.CreateMeetingAsync(new CreateMeetingRequest(Room, "Physics 101") { AttendeePassword = "ap", ModeratorPassword = "mp" });
        (created.MeetingId, created.AttendeePassword, created.ModeratorPassword).ShouldBe((Room, "ap", "mp"));
        created.VoiceBridge.ShouldNotBeNullOrEmpty();
        created.DialNumber.ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Join_RegistersUsers_WhoAppearOnlyWhenTheirClientConnects()
    {
        await CreateAndJoinThree();
        var info = await _client.GetMeetingInfoAsync(Room);
        (info.Running, info.Attendees.Count).ShouldBe((false, 0));
        (await _client.IsMeetingRunningAsync(Room)).ShouldBeFalse();
    }

    [Test]
    public async Task Presence_ConnectPresenterVoiceWebcamGuest_ShowsInGetMeetingInfo()
    {
        await CreateAndJoinThree();
        var control = Fake.Server.Control;
        control.Connect(Room, "teacher");
        control.Connect(Room, "student");
        control.Connect(Room, "visitor");

        var waiting = await _client.GetMeetingInfoAsync(Room);
        waiting.Attendees.Single(a => a.UserId == "visitor").ShouldSatisfyAllConditions(
            a => a.IsGuest.ShouldBeTrue(),
            a => a.WaitingForAcceptance.ShouldBeTrue());
        waiting.Attendees.Single(a => a.IsPresenter).UserId.ShouldBe("teacher");

        control.SetPresenter(Room, "student");
        control.SetVoice(Room, "teacher");
        control.SetListenOnly(Room, "student");
        control.StartWebcam(Room, "teacher");
        control.ApproveGuest(Room, "visitor");

        var info = await _client.GetMeetingInfoAsync(Room);
        (info.Running, info.ParticipantCount, info.ModeratorCount, info.VoiceParticipantCount, info.ListenerCount).ShouldBe((true, 3, 1, 1, 1));
        var teacher = info.Attendees.Single(a => a.UserId == "teacher");
        (teacher.Role, teacher.IsPresenter, teacher.HasJoinedVoice, teacher.VideoStreams).ShouldBe(("MODERATOR", false, true, 1));
        var student = info.Attendees.Single(a => a.UserId == "student");
        (student.Role, student.IsPresenter, student.IsListeningOnly).ShouldBe(("VIEWER", true, true));
        var visitor = info.Attendees.Single(a => a.UserId == "visitor");
        (visitor.IsGuest, visitor.WaitingForAcceptance).ShouldBe((true, false));
        (await _client.IsMeetingRunningAsync(Room)).ShouldBeTrue();
    }

    [Test]
    public async Task AfterTheMeeting_RecordingsFilterByMetadata_AndStatsListSeveralMeetings()
    {
        await CreateAndJoinThree();
        Fake.Server.Control.ConnectAll(Room);
        await _client.EndAsync(Room, "mp");
        Fake.Server.Control.ProcessRecordings();

        var ours = await _client.GetRecordingsAsync(metadata: new Dictionary<string, string> { ["course"] = "sample-physics" });
        ours.Single().ShouldSatisfyAllConditions(
            r => r.MeetingId.ShouldBe(Room),
            r => r.Published.ShouldBeTrue(),
            r => r.Metadata["term"].ShouldBe("2026-1"));
        (await _client.GetRecordingsAsync(metadata: new Dictionary<string, string> { ["course"] = "sample-physics", ["term"] = "1999" })).ShouldBeEmpty();

        var all = await _client.GetStatsAsync();
        var other = all.First(s => s.MeetingId != Room).MeetingId;
        var two = await _client.GetStatsAsync([Room, other]);
        two.Select(s => s.MeetingId).Distinct().Order(StringComparer.Ordinal).ShouldBe(new[] { Room, other }.Order(StringComparer.Ordinal));
        two.Single(s => s.MeetingId == Room).Participants.Select(p => p.UserName).ShouldBe(["Tess Teacher", "Sam Student", "Vic Visitor"], ignoreOrder: true);
    }

    [Test]
    public async Task GetMeetingInfo_OfAnUnknownMeeting_IsAnApiError()
    {
        var error = await Should.ThrowAsync<MconfApiException>(() => _client.GetMeetingInfoAsync("nobody-here"));
        error.MessageKey.ShouldBe("notFound");
    }

    [Test]
    public void JoinUrl_IsSignedForTheBrowser()
    {
        var url = _client.JoinUrl(new JoinRequest(Room, "Ann Smith", "ap"));
        url.AbsolutePath.ShouldEndWith("/bigbluebutton/api/join");
        url.Query.ShouldContain("fullName=Ann%20Smith");
        url.Query.ShouldContain("&checksum=");
    }
}
