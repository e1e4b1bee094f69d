using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Engine;

public sealed class ServerStateTests
{
    [Test]
    public void Create_WithoutOptionalParameters_AppliesBbbWebDefaults()
    {
        var state = Engines.Create();
        var result = state.Create(new CreateCommand("plain"));
        result.Outcome.ShouldBe(CreateOutcome.Created);
        var d = result.Meeting!.Definition;
        d.Name.ShouldBe("");
        d.AttendeePw.ShouldMatch("^[A-Za-z0-9]{8}$");
        d.ModeratorPw.ShouldMatch("^[A-Za-z0-9]{8}$");
        d.VoiceBridge.ShouldMatch("^[0-9]{5}$");
        d.WebVoice.ShouldBe(d.VoiceBridge);
        d.DialNumber.ShouldBe("613-555-1234");
        d.MaxUsers.ShouldBe(20);
        d.Duration.ShouldBe(0);
        d.Record.ShouldBeFalse();
        d.LogoutUrl.ShouldBe("http://fake.test");
        d.CreateTime.ShouldBe(Engines.Start.ToUnixTimeMilliseconds());
        d.CreateDate.ShouldBe("Thu Jan 01 00:00:00 UTC 2026");
        d.InternalMeetingId.ShouldBe(MeetingIds.Key("plain") + "-" + d.CreateTime);
    }

    [Test]
    public void Create_ParsesNumbersAndBooleansTheJavaWay()
    {
        var state = Engines.Create();
        var d = state.Create(new CreateCommand("typed") { MaxParticipants = "x", Duration = "+15", Record = "TRUE" }).Meeting!.Definition;
        d.MaxUsers.ShouldBe(20);
        d.Duration.ShouldBe(15);
        d.Record.ShouldBeTrue();
    }

    [Test]
    public void Create_Twice_SamePasswordsWarnsAndKeepsTheFirstMeeting()
    {
        var state = Engines.Create();
        var first = state.Create(new CreateCommand("dup") { AttendeePw = "ap", ModeratorPw = "mp", Name = "first" }).Meeting!;
        state.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = state.Create(new CreateCommand("dup") { AttendeePw = "ap", ModeratorPw = "mp", Name = "second" });
        again.Outcome.ShouldBe(CreateOutcome.DuplicateWarning);
        again.Meeting!.Definition.ShouldBeSameAs(first.Definition);
    }

    [TestCase("ap", "other")]
    [TestCase(null, null)]
    [TestCase("", "")]
    public void Create_Twice_OtherOrMissingPasswordsIsIdNotUnique(string? attendeePw, string? moderatorPw)
    {
        var state = Engines.Create();
        state.Create(new CreateCommand("dup") { AttendeePw = "ap", ModeratorPw = "mp" });
        state.Create(new CreateCommand("dup") { AttendeePw = attendeePw, ModeratorPw = moderatorPw }).Outcome.ShouldBe(CreateOutcome.IdNotUnique);
    }

    [Test]
    public void Create_RelyingOnGeneratedPasswords_RepeatIsIdNotUnique()
    {
        var state = Engines.Create();
        state.Create(new CreateCommand("gen")).Outcome.ShouldBe(CreateOutcome.Created);
        state.Create(new CreateCommand("gen")).Outcome.ShouldBe(CreateOutcome.IdNotUnique);
    }

    [Test]
    public void Join_ChecksInTheFactsOrder()
    {
        var state = Engines.Create();
        var created = state.CreateMeeting("j");
        state.Join(new JoinCommand("nope", "A", "ap")).Outcome.ShouldBe(JoinOutcome.MeetingNotFound);
        state.Join(new JoinCommand("j", "A", "wrong") { CreateTime = "1" }).Outcome.ShouldBe(JoinOutcome.CreateTimeMismatch);
        state.Join(new JoinCommand("j", "A", "ap") { CreateTime = "abc" }).Outcome.ShouldBe(JoinOutcome.CreateTimeMismatch);
        state.Join(new JoinCommand("j", "A", "wrong") { CreateTime = created.Definition.CreateTime.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Outcome.ShouldBe(JoinOutcome.InvalidPassword);
        state.Join(new JoinCommand("j", "A", "ap") { CreateTime = "" }).Outcome.ShouldBe(JoinOutcome.Joined);
    }

    [Test]
    public void Join_EqualPasswords_MakeAModerator()
    {
        var state = Engines.Create();
        state.Create(new CreateCommand("eq") { AttendeePw = "same", ModeratorPw = "same" });
        state.JoinUser("eq", "A", "same");
        state.GetMeeting("eq")!.Attendees.Single().Role.ShouldBe(Roles.Moderator);
    }

    [Test]
    public void Join_WithoutAutoConnect_RegistersButDoesNotAddAnAttendee()
    {
        var state = Engines.Create(autoConnect: false);
        state.CreateMeeting("reg");
        var user = state.JoinUser("reg", "Ann");
        var meeting = state.GetMeeting("reg")!;
        meeting.Attendees.ShouldBeEmpty();
        meeting.Running.ShouldBeFalse();
        meeting.Status.HasUserJoined.ShouldBeFalse();
        user.ShouldMatch("^[a-z0-9]{12}$");
    }

    [Test]
    public void Join_EachJoinIsANewUserEvenWithTheSameUserId()
    {
        var state = Engines.Create();
        state.CreateMeeting("same-user");
        var a = state.JoinUser("same-user", "Ann", userId: "u1");
        var b = state.JoinUser("same-user", "Ann", userId: "u1");
        a.ShouldNotBe(b);
        state.GetMeeting("same-user")!.Attendees.Select(x => x.UserId).ShouldBe(["u1", "u1"]);
    }

    [Test]
    public void End_RemovesTheMeetingRecordsStatsAndQueuesTheRecording()
    {
        var state = Engines.Create();
        state.CreateMeeting("rec", record: true);
        state.JoinUser("rec", "Ann", "mp");
        state.Clock.Advance(TimeSpan.FromMinutes(3));
        state.End("rec", "ap").ShouldBe(EndOutcome.InvalidPassword);
        state.End("rec", "mp").ShouldBe(EndOutcome.Ended);
        state.GetMeeting("rec").ShouldBeNull();
        state.IsMeetingRunning("rec").ShouldBeFalse();
        state.End("rec", "mp").ShouldBe(EndOutcome.MeetingNotFound);
        var stats = state.GetStats(["rec"]).Single();
        stats.Participants.Single().LeftTime.ShouldBe(stats.EndTime);
        (stats.EndTime - stats.StartTime).ShouldBe(180_000);
        state.GetRecordings(["rec"], []).ShouldBeEmpty();
        state.Recordings.FinishProcessing().Single().RecordId.ShouldBe(stats.RecordId);
        var recording = state.GetRecordings(["rec"], []).Single();
        recording.Playback.Single().Length.ShouldBe(3);
        state.CreateMeeting("rec").Definition.CreateTime.ShouldBeGreaterThan(stats.StartTime);
    }

    [Test]
    public void End_WhenMeetingsStayInMemory_JoinIsForciblyEndedUntilTheCleanup()
    {
        var state = Engines.Create(removeWhenEnded: false);
        state.CreateMeeting("stay");
        state.End("stay", "mp").ShouldBe(EndOutcome.Ended);
        state.GetMeeting("stay")!.Status.HasBeenForciblyEnded.ShouldBeTrue();
        state.Join(new JoinCommand("stay", "A", "ap")).Outcome.ShouldBe(JoinOutcome.ForciblyEnded);
        state.Create(new CreateCommand("stay") { AttendeePw = "ap", ModeratorPw = "mp" }).Outcome.ShouldBe(CreateOutcome.Created);
    }

    [Test]
    public void Cleanup_RemovesNeverJoinedMeetingsAfterFiveMinutes()
    {
        var state = Engines.Create(autoConnect: false);
        state.CreateMeeting("idle");
        state.Clock.Advance(TimeSpan.FromMinutes(5));
        state.GetMeeting("idle").ShouldNotBeNull();
        state.Clock.Advance(TimeSpan.FromMinutes(1.5));
        state.GetMeeting("idle").ShouldBeNull();
        state.GetStats(["idle"]).ShouldBeEmpty();
    }

    [Test]
    public void Cleanup_RemovesMeetingsEmptyForOverAMinute()
    {
        var state = Engines.Create();
        state.CreateMeeting("empty");
        var user = state.JoinUser("empty", "Ann");
        state.Clock.Advance(TimeSpan.FromMinutes(10));
        state.GetMeeting("empty").ShouldNotBeNull();
        state.Meetings.Find("empty")!.Leave(user);
        state.Clock.Advance(TimeSpan.FromSeconds(30));
        state.GetMeeting("empty").ShouldNotBeNull();
        state.Clock.Advance(TimeSpan.FromMinutes(2));
        state.GetMeeting("empty").ShouldBeNull();
        state.GetStats(["empty"]).Single().Participants.Count.ShouldBe(1);
    }

    [Test]
    public void Cleanup_EndsMeetingsPastTheirDuration()
    {
        var state = Engines.Create();
        state.Create(new CreateCommand("short") { AttendeePw = "ap", ModeratorPw = "mp", Duration = "2" });
        state.JoinUser("short", "Ann");
        state.Clock.Advance(TimeSpan.FromMinutes(2));
        state.GetMeeting("short").ShouldNotBeNull();
        state.Clock.Advance(TimeSpan.FromMinutes(1.5));
        state.GetMeeting("short").ShouldBeNull();
    }

    [Test]
    public void Recordings_FilterByMeetingIdPrefixAndExactMeta()
    {
        var state = Engines.Create(processAtOnce: true);
        foreach (var (id, value) in new[] { ("r1", "Joe"), ("r2", "joe"), ("r3", "Joe") })
        {
            state.Create(new CreateCommand(id) { AttendeePw = "ap", ModeratorPw = "mp", Record = "true", Metadata = [new("presenter", value), new("course", "x")] });
            state.JoinUser(id, "Ann");
            state.End(id, "mp");
        }

        state.GetRecordings(null, []).Count.ShouldBe(3);
        state.GetRecordings(["r1", "r2"], []).Count.ShouldBe(2);
        state.GetRecordings(null, [new("presenter", "Joe")]).Select(r => r.MeetingId).ShouldBe(["r1", "r3"]);
        state.GetRecordings(null, [new("presenter", "Joe"), new("course", "x")]).Count.ShouldBe(2);
        state.GetRecordings(null, [new("presenter", "Joe"), new("course", "y")]).ShouldBeEmpty();
        state.GetRecordings(null, [new("missing", "")]).ShouldBeEmpty();
    }

    [Test]
    public void Recordings_PublishIsCaseInsensitiveAndDeleteIsExact()
    {
        var state = Engines.Create(processAtOnce: true);
        state.CreateMeeting("pub", record: true);
        state.JoinUser("pub", "Ann");
        state.End("pub", "mp");
        var id = state.GetRecordings(null, []).Single().RecordId;
        state.PublishRecordings(["nope"], false).ShouldBeFalse();
        state.PublishRecordings([id.ToUpperInvariant()], false).ShouldBeTrue();
        state.GetRecordings(null, []).Single().Published.ShouldBeFalse();
        state.DeleteRecordings([id.ToUpperInvariant()]).ShouldBe(0);
        state.DeleteRecordings([id]).ShouldBe(1);
        state.GetRecordings(null, []).ShouldBeEmpty();
    }
}
