namespace Mconf.Mock.Engine;

/// <summary>An attendee as getMeetingInfo shows it (a connected user).</summary>
public sealed record AttendeeSnapshot(
    string InternalUserId,
    string UserId,
    string FullName,
    string Role,
    bool Guest,
    bool WaitingForAcceptance,
    bool IsPresenter,
    bool IsListeningOnly,
    bool HasJoinedVoice,
    IReadOnlyList<string> VideoStreams,
    IReadOnlyList<KeyValuePair<string, string>> CustomData);

/// <summary>A consistent view of one meeting, taken under the meeting's lock. Every count is derived from
/// <see cref="Attendees"/>, so getMeetings and getMeetingInfo agree by construction. <c>videoCountPerParticipant</c>:
/// videoCount counts attendees sharing video (the wiki's reading) instead of streams.</summary>
public sealed class MeetingSnapshot
{
    internal MeetingSnapshot(MeetingDefinition definition, MeetingStatus status, IReadOnlyList<AttendeeSnapshot> attendees, bool videoCountPerParticipant = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(attendees);
        Definition = definition;
        Status = status;
        Attendees = attendees;
        foreach (var a in attendees)
        {
            ModeratorCount += a.Role == Roles.Moderator ? 1 : 0;
            ListenerCount += a.IsListeningOnly ? 1 : 0;
            VoiceParticipantCount += a.HasJoinedVoice ? 1 : 0;
            VideoCount += videoCountPerParticipant ? Math.Min(1, a.VideoStreams.Count) : a.VideoStreams.Count;
        }
    }

    /// <summary>What create fixed (IDs, name, passwords, settings).</summary>
    public MeetingDefinition Definition { get; }

    /// <summary>What changes over the meeting's life (joined, ended, times, guest policy).</summary>
    public MeetingStatus Status { get; }

    /// <summary>The connected attendees.</summary>
    public IReadOnlyList<AttendeeSnapshot> Attendees { get; }

    /// <summary>The meeting ID the client chose.</summary>
    public string MeetingId => Definition.MeetingId;

    /// <summary>The ID the server derived (the recordings' and stats' key).</summary>
    public string InternalMeetingId => Definition.InternalMeetingId;

    /// <summary>True while someone is connected.</summary>
    public bool Running => Attendees.Count > 0;

    /// <summary>Connected attendees.</summary>
    public int ParticipantCount => Attendees.Count;

    /// <summary>Connected moderators.</summary>
    public int ModeratorCount { get; }

    /// <summary>Connected listen-only attendees.</summary>
    public int ListenerCount { get; }

    /// <summary>Connected attendees in the voice conference.</summary>
    public int VoiceParticipantCount { get; }

    /// <summary>Webcam streams (or attendees sharing one, with videoCountPerParticipant).</summary>
    public int VideoCount { get; }

    // Answers serialized from this snapshot, one per flavour. A snapshot never changes and is replaced on any
    // change to its meeting, so these need no invalidation of their own.
    private string? _answerMconf;
    private string? _answerBbb09;

    /// <summary>The answer <paramref name="build"/> writes from this snapshot for this flavour, built on first
    /// use and then reused for as long as the snapshot is the meeting's current one.</summary>
    internal string CachedAnswer(bool mconf, Func<MeetingSnapshot, bool, string> build)
    {
        ref var slot = ref mconf ? ref _answerMconf : ref _answerBbb09;
        var answer = Volatile.Read(ref slot);
        if (answer is null)
        {
            answer = build(this, mconf);
            Volatile.Write(ref slot, answer);
        }

        return answer;
    }
}

/// <summary>What create fixed for a meeting's lifetime.</summary>
public sealed record MeetingDefinition(
    string MeetingId,
    string InternalMeetingId,
    string Name,
    long CreateTime,
    string CreateDate,
    string AttendeePw,
    string ModeratorPw,
    string VoiceBridge,
    string WebVoice,
    string DialNumber,
    string LogoutUrl,
    bool Record,
    int MaxUsers,
    int Duration,
    string Welcome,
    string? ModeratorOnlyMessage,
    bool AutoStartRecording,
    bool AllowStartStopRecording,
    IReadOnlyList<KeyValuePair<string, string>> Metadata);

/// <summary>The meeting-level flags that change over its life.</summary>
public sealed record MeetingStatus(bool HasUserJoined, bool HasBeenForciblyEnded, long StartTime, long EndTime, string GuestPolicy);

internal static class Roles
{
    public const string Moderator = "MODERATOR";
    public const string Viewer = "VIEWER";
}

/// <summary>Mconf-Live guest policies (bbb-apps); the default asks a moderator.</summary>
public static class GuestPolicies
{
    /// <summary>A guest waits until a moderator answers (the default).</summary>
    public const string AskModerator = "ASK_MODERATOR";
    /// <summary>Guests are let in at once.</summary>
    public const string AlwaysAccept = "ALWAYS_ACCEPT";
    /// <summary>Guests are refused when their client connects.</summary>
    public const string AlwaysDeny = "ALWAYS_DENY";

    internal static bool TryNormalise(string? text, out string policy)
    {
        policy = (text ?? "").Trim().Replace('-', '_').ToUpperInvariant();
        return policy is AskModerator or AlwaysAccept or AlwaysDeny;
    }
}

/// <summary>One participant of a past session, as getStats shows it.</summary>
internal sealed record StatsParticipant(string UserId, string UserName, long JoinTime, long LeftTime);

/// <summary>Stats of one past session.</summary>
internal sealed record MeetingStats(string MeetingId, string MeetingName, string RecordId, long StartTime, long EndTime, IReadOnlyList<StatsParticipant> Participants);
