using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>Observations shared by the cases that only read them: the shared meeting and an ended meeting's end
/// answer (made once per session), and unfiltered snapshots of getMeetings/getMeetingInfo, getRecordings and
/// getStats, which are taken again once older than <see cref="RunOptions.SnapshotMaxAge"/> (counted from when they
/// were complete: a big server's list may take longer than that to come) or when taking them failed. The unfiltered
/// getRecordings and getStats are read as streams keeping a <see cref="ListSample"/>, so their cost in memory does
/// not grow with the server. Each is taken with the session's own token; its answers are added to each reading
/// case's evidence.</summary>
internal sealed class SessionObservations(ConformanceSession session)
{
    private readonly Snapshot<SharedMeeting> _meeting = new(session, SharedMeeting.CreateAsync, expires: false);
    private readonly Snapshot<ApiAnswer> _ended = new(session, EndOwnMeetingAsync, expires: false);
    private readonly Snapshot<OwnMeeting> _empty = new(session, c => OwnMeetings.CreateAsync(c, "empty"), expires: false);
    private readonly Snapshot<IReadOnlyList<ApiAnswer>> _infos = new(session, InfosAsync, expires: true);
    private readonly Snapshot<ApiAnswer> _recordings = new(session, c => c.CallStreamedAsync("getRecordings", ListSample.Default), expires: true);
    private readonly Snapshot<ApiAnswer> _stats = new(session, c => c.CallStreamedAsync("getStats", ListSample.Default), expires: true);
    private readonly Snapshot<IReadOnlyList<StatsWitness>> _statsWitnesses = new(session, FindStatsWitnessesAsync, expires: false);

    public Task<SharedMeeting> MeetingAsync(CaseContext ctx) => _meeting.UseAsync(ctx);

    /// <summary>A meeting of the run's own that nobody joins, observed beside the shared one.</summary>
    public Task<OwnMeeting> EmptyMeetingAsync(CaseContext ctx) => _empty.UseAsync(ctx);

    /// <summary>The answer of an end of one of the run's meetings.</summary>
    public Task<ApiAnswer> EndAnswerAsync(CaseContext ctx) => _ended.UseAsync(ctx);

    /// <summary>getMeetings then getMeetingInfo of the observed meetings (first answer is the getMeetings one).</summary>
    public Task<IReadOnlyList<ApiAnswer>> MeetingAnswersAsync(CaseContext ctx) => _infos.UseAsync(ctx);

    public Task<ApiAnswer> RecordingsAsync(CaseContext ctx) => _recordings.UseAsync(ctx);

    public Task<ApiAnswer> StatsAsync(CaseContext ctx) => _stats.UseAsync(ctx);

    /// <summary>Meetings known to have stats independently of any unfiltered getStats answer: the run's own meetings
    /// and the meetings of the recordings sample (IDs seen in another call), each confirmed by a getStats scoped to it.</summary>
    public Task<IReadOnlyList<StatsWitness>> StatsWitnessesAsync(CaseContext ctx) => _statsWitnesses.UseAsync(ctx);

    /// <summary>The meeting IDs of the recordings in the unfiltered sample, in answer order, each once.</summary>
    public static IReadOnlyList<string> RecordingMeetingIds(ApiAnswer recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return recordings.Xml is { IsSuccess: true } xml
            ? [.. xml.Select("recordings/recording").Select(r => Mconf.Spec.Xml.BbbResponse.Value(r, "meetingID") ?? "").Where(SafeIds.IsSafe).Distinct(StringComparer.Ordinal)]
            : [];
    }

    private static async Task<IReadOnlyList<StatsWitness>> FindStatsWitnessesAsync(CaseContext ctx)
    {
        IReadOnlyList<string> seen = [];
        try
        {
            seen = RecordingMeetingIds(await ctx.Session.Shared.RecordingsAsync(ctx).ConfigureAwait(false));
        }
        catch (TransportFailure)
        {
            // No recordings sample: the run's own meetings are still candidates.
        }

        var candidates = seen.Take(StatsWitness.Candidates)
            .Concat(ctx.Ledger.MeetingIds.Where(SafeIds.IsSafe).OrderBy(id => id, StringComparer.Ordinal).Take(StatsWitness.Candidates / 2))
            .Distinct(StringComparer.Ordinal).ToList();
        var found = new List<StatsWitness>();
        foreach (var id in candidates)
        {
            var answer = await ctx.CallAsync("getStats", ("meetingID", id)).ConfigureAwait(false);
            var count = answer.Xml is { IsSuccess: true } xml
                ? xml.Select("stats/meeting").Count(m => Mconf.Spec.Xml.BbbResponse.Value(m, "meetingID") == id)
                : 0;
            if (count > 0)
            {
                found.Add(new StatsWitness(id, count, answer, ctx.Ledger.IsOurs(id) ? "one of the run's own meetings" : "the meeting of a recording listed by getRecordings"));
            }
        }

        return found;
    }

    private static async Task<ApiAnswer> EndOwnMeetingAsync(CaseContext ctx)
    {
        var meeting = await OwnMeetings.CreateAsync(ctx, "end").ConfigureAwait(false);
        return await ctx.CallAsync("end", ("meetingID", meeting.Id), ("password", meeting.ModeratorPW)).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ApiAnswer>> InfosAsync(CaseContext ctx)
    {
        var (list, views) = await ObservedMeetings.ObserveAsync(ctx).ConfigureAwait(false);
        return [list, .. views.Select(v => v.Info)];
    }

    /// <summary>One shared observation: taken on first use; an expiring one is taken again when older than the
    /// session's snapshot age or when it failed (a fixture that creates something is never re-made).</summary>
    private sealed class Snapshot<T>(ConformanceSession session, Func<CaseContext, Task<T>> step, bool expires)
    {
        private readonly Lock _lock = new();
        private Task<(T Value, IReadOnlyList<ApiAnswer> Answers)>? _task;
        private long _takenAt;

        public async Task<T> UseAsync(CaseContext ctx)
        {
            var (value, answers) = await Current().WaitAsync(ctx.Token).ConfigureAwait(false);
            ctx.RecordAll(answers);
            return value;
        }

        private Task<(T Value, IReadOnlyList<ApiAnswer> Answers)> Current()
        {
            var time = session.Options.Time;
            lock (_lock)
            {
                var stale = _task is null
                    || (expires && _task.IsCompleted && (_task.IsFaulted || time.GetElapsedTime(_takenAt) > session.Options.SnapshotMaxAge));
                if (stale)
                {
                    _takenAt = time.GetTimestamp();
                    _task = ObserveAsync();
                }

                return _task!;
            }
        }

        private async Task<(T, IReadOnlyList<ApiAnswer>)> ObserveAsync()
        {
            var ctx = new CaseContext(session, null, session.Lifetime);
            var value = await step(ctx).ConfigureAwait(false);
            // Its age counts from when it was complete: a list that took longer than the maximum age to come would
            // otherwise be stale on arrival and asked for again by every case.
            lock (_lock)
            {
                _takenAt = session.Options.Time.GetTimestamp();
            }

            return (value, ctx.Answers);
        }
    }
}

/// <summary>A meeting known to have <see cref="Entries"/> getStats entries, from <see cref="Answer"/> (a getStats scoped
/// to it), found as <see cref="Source"/>.</summary>
internal sealed record StatsWitness(string MeetingId, int Entries, ApiAnswer Answer, string Source)
{
    /// <summary>At most this many meetings of recordings, and half as many of the run's own, are asked about.</summary>
    public const int Candidates = 8;
}
