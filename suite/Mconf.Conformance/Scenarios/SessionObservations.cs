using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>Observations shared by the cases that only read them: the shared meeting and an ended meeting's end
/// answer (made once per session), and unfiltered snapshots of getMeetings/getMeetingInfo, getRecordings and
/// getStats, which are taken again once older than <see cref="RunOptions.SnapshotMaxAge"/> (other tenants change a
/// live server during a long run) or when taking them failed. Each is taken with the session's own token; its
/// answers are added to each reading case's evidence.</summary>
public sealed class SessionObservations(ConformanceSession session)
{
    private readonly Snapshot<SharedMeeting> _meeting = new(session, SharedMeeting.CreateAsync, expires: false);
    private readonly Snapshot<ApiAnswer> _ended = new(session, EndOwnMeetingAsync, expires: false);
    private readonly Snapshot<IReadOnlyList<ApiAnswer>> _infos = new(session, InfosAsync, expires: true);
    private readonly Snapshot<ApiAnswer> _recordings = new(session, c => c.CallAsync("getRecordings"), expires: true);
    private readonly Snapshot<ApiAnswer> _stats = new(session, c => c.CallAsync("getStats"), expires: true);

    public Task<SharedMeeting> MeetingAsync(CaseContext ctx) => _meeting.UseAsync(ctx);

    /// <summary>The answer of an end of one of the run's meetings.</summary>
    public Task<ApiAnswer> EndAnswerAsync(CaseContext ctx) => _ended.UseAsync(ctx);

    /// <summary>getMeetings then getMeetingInfo of the observed meetings (first answer is the getMeetings one).</summary>
    public Task<IReadOnlyList<ApiAnswer>> MeetingAnswersAsync(CaseContext ctx) => _infos.UseAsync(ctx);

    public Task<ApiAnswer> RecordingsAsync(CaseContext ctx) => _recordings.UseAsync(ctx);

    public Task<ApiAnswer> StatsAsync(CaseContext ctx) => _stats.UseAsync(ctx);

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
            return (value, ctx.Answers);
        }
    }
}
