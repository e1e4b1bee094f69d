using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Model;

/// <summary>A whole run. <see cref="AbortReason"/> is set when the run could not start or finish (unreachable
/// target, not BBB, secret rejected, bad option): one line, no secret.</summary>
public sealed record RunOutcome(
    string RunId,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    TargetFingerprint? Target,
    IReadOnlyList<CaseResult> Results,
    string? AbortReason)
{
    /// <summary>Meetings of the run still listed by the target after cleanup; empty when the run left nothing behind.</summary>
    public IReadOnlyList<string> LeftoverMeetings { get; init; } = [];

    /// <summary>The presence session's steps, when the run had one.</summary>
    public PresenceReport? Presence { get; init; }

    /// <summary>The target's measured latency, the call budgets and its slowest calls.</summary>
    public TargetTimings Timings { get; init; } = TargetTimings.None;

    /// <summary>True when a signal (SIGTERM, SIGINT, SIGHUP) or the caller's token stopped the run: the results are
    /// those of the cases that finished, and the run's meetings were ended.</summary>
    public bool Interrupted { get; init; }

    /// <summary>What the run cost the target: meetings created, most live at once, requests sent.</summary>
    public RunFootprint? Footprint { get; init; }

    /// <summary>Meetings of earlier runs of the kit (its prefix, another run ID) that the target still lists when the
    /// run starts. Reported, never ended (the <c>cleanup</c> command ends them).</summary>
    public IReadOnlyList<KitMeeting> EarlierRunMeetings { get; init; } = [];
}

/// <summary>The run's footprint on the target. <see cref="MaxLiveBound"/> is the bound it kept to
/// (<c>--max-live-meetings</c>); <see cref="MaxRequestsPerSecond"/> null: no rate limit.</summary>
public sealed record RunFootprint(int MeetingsCreated, int MaxLiveMeetings, long RequestsSent, int MaxLiveBound, double? MaxRequestsPerSecond);

/// <summary>A meeting the target lists whose ID the kit made: <c>&lt;prefix&gt;-&lt;run id&gt;-&lt;purpose&gt;-&lt;10 hex&gt;</c>.
/// <see cref="CreatedAt"/> comes from the target's createTime (or startTime), else from the time in the run ID.</summary>
public sealed record KitMeeting(string MeetingId, string RunId, string Purpose, DateTimeOffset? CreatedAt, bool Ended)
{
    /// <summary>How old the meeting is at <paramref name="now"/> (null when neither the target nor the run ID says).</summary>
    public TimeSpan? AgeAt(DateTimeOffset now) => CreatedAt is { } created ? now - created : null;
}
