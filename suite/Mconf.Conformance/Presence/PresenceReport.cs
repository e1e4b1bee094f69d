using System.Text.Json.Serialization;

namespace Mconf.Conformance.Presence;

/// <summary>How a step of the presence session went. Reports print it (and results.json stores it) as the words
/// <see cref="PresenceStepOutcomes.Text"/> gives, the words readers of earlier reports know.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PresenceStepOutcome>))]
public enum PresenceStepOutcome
{
    /// <summary>The target showed what the step asked for.</summary>
    [JsonStringEnumMemberName("observed")]
    Observed,

    /// <summary>The target did not show it in time, or the session stopped.</summary>
    [JsonStringEnumMemberName("not-observed")]
    NotObserved,

    /// <summary>The step was not done (on request, by the actor, or for want of what it needs).</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>One of the runner's own steps, done.</summary>
    [JsonStringEnumMemberName("done")]
    Done,
}

internal static class PresenceStepOutcomes
{
    /// <summary>The outcome as reports print it.</summary>
    public static string Text(this PresenceStepOutcome outcome) => outcome switch
    {
        PresenceStepOutcome.Observed => "observed",
        PresenceStepOutcome.NotObserved => "not-observed",
        PresenceStepOutcome.Skipped => "skipped",
        PresenceStepOutcome.Done => "done",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>What one step of the presence session did: the action asked of the actor, the outcome, what the target
/// showed, and the deltas its passing checks verified. <see cref="JoinUrl"/> is redacted.</summary>
public sealed record PresenceStepRecord
{
    /// <summary>The step action asked of the actor.</summary>
    public required string Action { get; init; }

    /// <summary>The user the step is about ("runner" for the runner's own steps).</summary>
    public required string User { get; init; }

    /// <summary>What the actor was asked to do, in words.</summary>
    public required string Instruction { get; init; }

    /// <summary>The join URL the actor got, redacted; null for steps without one.</summary>
    public string? JoinUrl { get; init; }

    /// <summary>How the step went.</summary>
    public required PresenceStepOutcome Status { get; init; }

    /// <summary>Why the step was not observed or was skipped, or what the actor said.</summary>
    public string? Reason { get; init; }

    /// <summary>What the target showed for the step.</summary>
    public string Observed { get; init; } = "";

    /// <summary>How long the step took, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>The session cases the step judged.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];

    /// <summary>The deltas the step's passing checks verified.</summary>
    public IReadOnlyList<string> VerifiedDeltas { get; init; } = [];
}

/// <summary>The whole presence session of a run.</summary>
public sealed record PresenceReport(string Mode, string? MeetingId, double DurationSeconds, IReadOnlyList<PresenceStepRecord> Steps);
