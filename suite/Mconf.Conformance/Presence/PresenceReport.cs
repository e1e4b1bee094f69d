namespace Mconf.Conformance.Presence;

/// <summary>What one step of the presence session did: the action asked of the actor, the outcome
/// (<c>observed</c>, <c>not-observed</c>, <c>skipped</c>, or <c>done</c> for the runner's own steps), what the
/// target showed, and the deltas its passing checks verified. <see cref="JoinUrl"/> is redacted.</summary>
public sealed record PresenceStepRecord(
    string Action,
    string User,
    string Instruction,
    string? JoinUrl,
    string Status,
    string? Reason,
    string Observed,
    double DurationMs,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> VerifiedDeltas);

/// <summary>The whole presence session of a run.</summary>
public sealed record PresenceReport(string Mode, string? MeetingId, double DurationSeconds, IReadOnlyList<PresenceStepRecord> Steps);
