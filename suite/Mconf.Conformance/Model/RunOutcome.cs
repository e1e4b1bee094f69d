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
}
