namespace Mconf.Mock.Engine;

/// <summary>create's parameters as sent (null = absent); the engine applies bbb-web's defaults.</summary>
internal sealed record CreateCommand(string MeetingId)
{
    public string? Name { get; init; }

    public string? AttendeePw { get; init; }

    public string? ModeratorPw { get; init; }

    public string? VoiceBridge { get; init; }

    public string? WebVoice { get; init; }

    public string? DialNumber { get; init; }

    public string? LogoutUrl { get; init; }

    public string? Record { get; init; }

    public string? MaxParticipants { get; init; }

    public string? Duration { get; init; }

    public string? Welcome { get; init; }

    public string? ModeratorOnlyMessage { get; init; }

    public string? AutoStartRecording { get; init; }

    public string? AllowStartStopRecording { get; init; }

    /// <summary>meta_ entries, names already lower-cased, in request order (a repeated name keeps the last value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];
}

internal enum CreateOutcome
{
    Created,
    DuplicateWarning,
    IdNotUnique,
}

internal sealed record CreateResult(CreateOutcome Outcome, MeetingSnapshot? Meeting);

/// <summary>join's parameters after the checks that need no meeting (fullName, meetingID, password present).</summary>
internal sealed record JoinCommand(string MeetingId, string FullName, string Password)
{
    public string? CreateTime { get; init; }

    public string? UserId { get; init; }

    public bool Guest { get; init; }

    public string? AvatarUrl { get; init; }

    /// <summary>A token from setConfigXML; an unknown one is answered noConfigFound.</summary>
    public string? ConfigToken { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> CustomData { get; init; } = [];
}

internal enum JoinOutcome
{
    Joined,
    MeetingNotFound,
    CreateTimeMismatch,
    ForciblyEnded,
    InvalidPassword,
    NoConfigFound,
}

internal sealed record JoinResult(JoinOutcome Outcome, string? InternalMeetingId = null, string? InternalUserId = null, string? AuthToken = null);

internal enum EndOutcome
{
    Ended,
    MeetingNotFound,
    InvalidPassword,
}
