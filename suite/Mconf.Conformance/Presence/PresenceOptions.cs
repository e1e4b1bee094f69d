namespace Mconf.Conformance.Presence;

/// <summary>What one presence step asks of whoever plays the users: a person following instructions (guided) or
/// a program (a driver). <see cref="JoinUrl"/> is signed, so it carries a valid checksum: it goes to the actor only,
/// never into a report (<see cref="PresenceStepRecord"/> keeps the redacted form).</summary>
public sealed record PresenceRequest(string Action, string Instruction, string JoinUrl, string UserId, string FullName, string MeetingId);

/// <summary>Performs presence steps. Returns null once the step is done, or the reason it was not (the step is
/// then skipped and its deltas stay unverified). Cancellation means the session is being interrupted.</summary>
public interface IPresenceActor
{
    /// <summary>Performs one step; null once done, or the reason it was not.</summary>
    Task<string?> PerformAsync(PresenceRequest request, CancellationToken cancellationToken);

    /// <summary>True when the actor is a program that the cases may ask, unattended, to connect a client
    /// (<see cref="ClientConnector.Action"/>); a person is only asked for the session's steps.</summary>
    bool ConnectsClients => false;
}

/// <summary>How a run's presence session goes: who acts, how long each step may take to show, which steps to
/// leave out, how long to wait for the session's recording.</summary>
public sealed record PresenceOptions
{
    /// <summary>Who plays the users.</summary>
    public required IPresenceActor Actor { get; init; }

    /// <summary>"guided" or "driver: COMMAND" (reported).</summary>
    public string Mode { get; init; } = "driver";

    /// <summary>The longest wait for a step to be observed in getMeetingInfo/getMeetings (and for getStats).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often the target is asked whether a step shows.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Step actions to leave out (<see cref="PresenceSteps.Actions"/>).</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>How long to wait for the session's recording to be listed after the meeting ends (at least one look).</summary>
    public TimeSpan RecordingsWait { get; init; } = TimeSpan.Zero;

    /// <summary>Progress lines for the console (steps started, observed, skipped); never carries the join URL.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>The names of the session's steps, as the driver receives them and <c>--presence-skip</c> takes them.</summary>
public static class PresenceSessionSteps
{
    /// <summary>Every step action, in session order.</summary>
    public static IReadOnlyList<string> Actions => PresenceSteps.Actions;

    /// <summary>The runner's own last step (the meeting is ended).</summary>
    public static string MeetingEnded => PresenceSteps.MeetingEnded;
}
