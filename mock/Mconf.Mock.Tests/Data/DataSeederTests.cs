using Mconf.Mock.Data;
using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Data;

public sealed class DataSeederTests
{
    [Test]
    public void Seed_LiveMeetingsCoverEveryPresenceState()
    {
        var state = Engines.Create();
        DataSeeder.Seed(state, new SeedCounts(3, 6, 0, 0));
        var meetings = state.GetMeetings();
        meetings.Count.ShouldBe(3);
        foreach (var m in meetings)
        {
            m.ParticipantCount.ShouldBe(6);
            m.Attendees.Count(a => a.IsPresenter).ShouldBe(1);
            m.ListenerCount.ShouldBeGreaterThan(0);
            m.VoiceParticipantCount.ShouldBeGreaterThan(0);
            m.VideoCount.ShouldBeGreaterThan(0);
            m.Attendees.Count(a => a.Guest && a.WaitingForAcceptance).ShouldBe(1);
            m.Attendees.ShouldContain(a => a.Role == Roles.Moderator);
        }
    }

    [Test]
    public void Seed_PastSessionsGiveStatsAndRecordings()
    {
        var state = Engines.Create();
        DataSeeder.Seed(state, new SeedCounts(0, 0, 6, 4));
        state.GetStats(null).Count.ShouldBe(4);
        state.GetStats(null).ShouldAllBe(s => s.Participants.Count > 0 && s.EndTime > s.StartTime);
        var recordings = state.GetRecordings(null, []);
        recordings.Count.ShouldBe(6);
        recordings.Select(r => r.MeetingId).Distinct().Count().ShouldBe(3);
        recordings[0].Metadata.Single(p => p.Key == "presenter").Value.ToLowerInvariant()
            .ShouldBe(recordings[1].Metadata.Single(p => p.Key == "presenter").Value);
    }

    [TestCase(0, 0, 0, 0)]
    [TestCase(1, 1, 1, 0)]
    [TestCase(0, 0, 0, 3)]
    [TestCase(2, 0, 1, 1)]
    public void Seed_AnyCountsIncludingZero(int meetings, int attendees, int recordings, int stats)
    {
        var state = Engines.Create();
        DataSeeder.Seed(state, new SeedCounts(meetings, attendees, recordings, stats));
        state.GetMeetings().Count.ShouldBe(meetings);
        state.GetMeetings().ShouldAllBe(m => m.ParticipantCount == attendees);
        state.GetRecordings(null, []).Count.ShouldBe(recordings);
        state.GetStats(null).Count.ShouldBe(stats);
    }

    [Test]
    public async Task Seed_ZeroEverything_AnswersTheEmptyKeys()
    {
        using var api = FakeApi.Start(o => (o.Meetings, o.Recordings, o.StatsMeetings) = (0, 0, 0));
        (await api.Call("getMeetings")).MessageKey.ShouldBe("noMeetings");
        (await api.Call("getRecordings")).MessageKey.ShouldBe("noRecordings");
        (await api.Call("getStats")).MessageKey.ShouldBe("noStats");
    }
}
