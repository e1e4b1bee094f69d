namespace Mconf.Sample.Client;

/// <summary>What create needs. Passwords: leave null to let the server pick them.</summary>
public sealed record CreateMeetingRequest(string MeetingId, string Name)
{
    public string? AttendeePassword { get; init; }

    public string? ModeratorPassword { get; init; }

    public bool Record { get; init; }

    /// <summary>Sent as <c>meta_&lt;name&gt;</c>; recordings keep it (filter with getRecordings).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

public sealed record CreatedMeeting(string MeetingId, string AttendeePassword, string ModeratorPassword, long CreateTime, string? VoiceBridge, string? DialNumber);

/// <summary>What join needs. The moderator password gives MODERATOR, the attendee password VIEWER.</summary>
public sealed record JoinRequest(string MeetingId, string FullName, string Password)
{
    /// <summary>Your own user ID, shown as userID in getMeetingInfo.</summary>
    public string? UserId { get; init; }

    /// <summary>Mconf-Live: the user waits until a moderator accepts them.</summary>
    public bool Guest { get; init; }
}

/// <summary>join with <c>redirect=false</c>: the IDs of the session the browser will open.</summary>
public sealed record JoinedUser(string InternalMeetingId, string InternalUserId, string AuthToken);

public sealed record MeetingInfo(
    string MeetingId,
    string MeetingName,
    bool Running,
    int ParticipantCount,
    int ListenerCount,
    int VoiceParticipantCount,
    int ModeratorCount,
    IReadOnlyList<Attendee> Attendees);

public sealed record Attendee(
    string UserId,
    string FullName,
    string Role,
    bool IsGuest,
    bool WaitingForAcceptance,
    bool IsPresenter,
    bool IsListeningOnly,
    bool HasJoinedVoice,
    int VideoStreams);
