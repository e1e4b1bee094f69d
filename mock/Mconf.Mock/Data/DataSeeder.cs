using System.Globalization;
using Mconf.Mock.Engine;
using Mconf.Spec;

namespace Mconf.Mock.Data;

/// <summary>How much data to pre-populate; every count may be zero.</summary>
public sealed record SeedCounts(int Meetings, int AttendeesPerMeeting, int Recordings, int StatsMeetings);

/// <summary>Fills a fresh engine with Bogus data: live meetings with attendees in every presence state, and
/// past sessions that leave stats and recordings (with metadata made for filter checks).</summary>
public static class DataSeeder
{
    public static void Seed(ServerState state, SeedCounts counts)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(counts);
        var fakers = new SeedFakers();
        for (var i = 0; i < counts.Meetings; i++)
        {
            SeedLiveMeeting(state, fakers, i, counts.AttendeesPerMeeting);
        }

        SeedPastSessions(state, fakers, counts.Recordings, counts.StatsMeetings);
    }

    /// <summary>Attendee 0 is the presenting moderator; then listen-only and voice alternate, every other one
    /// shares a webcam (the first two), and the last one (with two or more) is a guest waiting for acceptance.</summary>
    private static void SeedLiveMeeting(ServerState state, SeedFakers fakers, int index, int attendees)
    {
        var seed = state.Settings.Seed;
        var m = fakers.LiveMeeting(Ids.LocalSeed(seed, "live-meeting", index.ToString(CultureInfo.InvariantCulture)), index);
        // A meeting nobody joined would be removed by the next cleanup if it had been created long ago.
        var createTime = state.Clock.NowMs - (attendees > 0 ? m.MinutesAgo * 60_000L : 0);
        var meeting = state.CreateAt(
            new CreateCommand(m.MeetingId)
            {
                Name = m.Name,
                AttendeePw = m.AttendeePw,
                ModeratorPw = m.ModeratorPw,
                VoiceBridge = m.VoiceBridge,
                Record = m.Record ? "true" : "false",
                Metadata = [new("course", m.Course), new("origin", "seed")],
            },
            createTime);
        if (meeting is null)
        {
            return;
        }

        for (var j = 0; j < attendees; j++)
        {
            var a = fakers.Attendee(Ids.LocalSeed(seed, "attendee", m.MeetingId, j.ToString(CultureInfo.InvariantCulture)), j);
            var guest = attendees >= 2 && j == attendees - 1;
            var user = meeting.Register(a.FullName, a.Moderator && !guest ? Roles.Moderator : Roles.Viewer, a.UserId, guest, [], null, connect: true);
            if (user is null || guest)
            {
                continue;
            }

            var id = user.InternalUserId;
            if (j == 0)
            {
                meeting.SetPresenter(id);
            }

            if (j % 3 == 1)
            {
                meeting.SetListenOnly(id, true);
            }
            else
            {
                meeting.SetVoice(id, true);
            }

            if (j % 2 == 0)
            {
                meeting.StartWebcam(id);
            }
        }
    }

    /// <summary>max(recordings, stats) sessions over half as many past meetings (so meeting IDs repeat). The
    /// first <paramref name="stats"/> sessions keep stats, the first <paramref name="recordings"/> a recording.
    /// Recordings carry course and category (shared by several) and presenter; the first two presenters differ
    /// only by case; the third recording is unpublished; every other one is downloadable.</summary>
    private static void SeedPastSessions(ServerState state, SeedFakers fakers, int recordings, int stats)
    {
        var seed = state.Settings.Seed;
        var sessions = Math.Max(recordings, stats);
        var meetings = Math.Max(1, (sessions + 1) / 2);
        var pastMeetings = Enumerable.Range(0, meetings)
            .Select(i => fakers.PastMeeting(Ids.LocalSeed(seed, "past-meeting", i.ToString(CultureInfo.InvariantCulture)), i))
            .ToList();
        var today = DateTimeOffset.FromUnixTimeMilliseconds(state.Clock.NowMs).UtcDateTime.Date;
        string? firstPresenter = null;
        for (var s = 0; s < sessions; s++)
        {
            var meeting = pastMeetings[s % meetings];
            var session = fakers.PastSession(Ids.LocalSeed(seed, "past-session", s.ToString(CultureInfo.InvariantCulture)));
            var createTime = new DateTimeOffset(today.AddDays(-(session.DaysAgo + (s * 3))).AddMinutes(session.StartMinuteOfDay), TimeSpan.Zero).ToUnixTimeMilliseconds();
            var start = createTime + 123;
            var end = start + (session.DurationMinutes * 60_000L);
            var recordId = MeetingIds.Internal(meeting.MeetingId, createTime);
            if (s < stats)
            {
                state.Stats.Add(new MeetingStats(meeting.MeetingId, meeting.Name, recordId, start, end, Participants(seed, s, session, start, end)));
            }

            if (s >= recordings)
            {
                continue;
            }

            var presenter = s == 1 && firstPresenter is not null ? firstPresenter.ToLowerInvariant() : session.Presenter;
            firstPresenter ??= presenter;
            var serverUrl = state.Settings.ServerUrl;
            state.Recordings.Add(new Recording(
                recordId,
                meeting.MeetingId,
                meeting.Name,
                Published: s != 2,
                start,
                end,
                session.Size,
                session.Size * 3,
                [new("course", meeting.Course), new("category", meeting.Category), new("presenter", presenter)],
                [RecordingFactory.Presentation(serverUrl, recordId, start, end, session.Size)],
                s % 2 == 1 ? [RecordingFactory.Download(serverUrl, recordId, start, end, session.Size / 2, encrypted: s % 4 == 3)] : []));
        }
    }

    private static List<StatsParticipant> Participants(int seed, int session, PastSessionSeed s, long start, long end)
    {
        var random = new Random(Ids.LocalSeed(seed, "past-participants", session.ToString(CultureInfo.InvariantCulture)));
        return [.. s.Participants.Select(name =>
        {
            var join = start + random.NextInt64(0, Math.Max(1, (end - start) / 4));
            var left = end - random.NextInt64(0, Math.Max(1, (end - join) / 4));
            return new StatsParticipant(Ids.RandomLowerAlphanumeric(random, 12), name, join, left);
        })];
    }
}
