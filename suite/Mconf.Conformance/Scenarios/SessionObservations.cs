using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>Observations made once per session and shared by the cases that only read them: the shared meeting,
/// an ended meeting's end answer, and unfiltered snapshots of getMeetings/getMeetingInfo, getRecordings, getStats.
/// Each is computed on first use with the session's own token; the answers are added to each reading case's evidence.</summary>
public sealed class SessionObservations(ConformanceSession session)
{
    private readonly Lazy<Task<(SharedMeeting Value, IReadOnlyList<ApiAnswer> Answers)>> _meeting = new(() => Observe(session, SharedMeeting.CreateAsync));
    private readonly Lazy<Task<(ApiAnswer Value, IReadOnlyList<ApiAnswer> Answers)>> _ended = new(() => Observe(session, EndOwnMeetingAsync));
    private readonly Lazy<Task<(IReadOnlyList<ApiAnswer> Value, IReadOnlyList<ApiAnswer> Answers)>> _infos = new(() => Observe(session, InfosAsync));
    private readonly Lazy<Task<(ApiAnswer Value, IReadOnlyList<ApiAnswer> Answers)>> _recordings = new(() => Observe(session, c => c.CallAsync("getRecordings")));
    private readonly Lazy<Task<(ApiAnswer Value, IReadOnlyList<ApiAnswer> Answers)>> _stats = new(() => Observe(session, c => c.CallAsync("getStats")));

    public Task<SharedMeeting> MeetingAsync(CaseContext ctx) => Use(ctx, _meeting);

    /// <summary>The answer of an end of one of the run's meetings.</summary>
    public Task<ApiAnswer> EndAnswerAsync(CaseContext ctx) => Use(ctx, _ended);

    /// <summary>getMeetings then getMeetingInfo of the observed meetings (first answer is the getMeetings one).</summary>
    public Task<IReadOnlyList<ApiAnswer>> MeetingAnswersAsync(CaseContext ctx) => Use(ctx, _infos);

    public Task<ApiAnswer> RecordingsAsync(CaseContext ctx) => Use(ctx, _recordings);

    public Task<ApiAnswer> StatsAsync(CaseContext ctx) => Use(ctx, _stats);

    private static async Task<T> Use<T>(CaseContext ctx, Lazy<Task<(T Value, IReadOnlyList<ApiAnswer> Answers)>> lazy)
    {
        var (value, answers) = await lazy.Value.WaitAsync(ctx.Token).ConfigureAwait(false);
        ctx.RecordAll(answers);
        return value;
    }

    private static async Task<(T, IReadOnlyList<ApiAnswer>)> Observe<T>(ConformanceSession session, Func<CaseContext, Task<T>> step)
    {
        var ctx = new CaseContext(session, null, session.Lifetime);
        var value = await step(ctx).ConfigureAwait(false);
        return (value, ctx.Answers);
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
}
