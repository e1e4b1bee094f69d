namespace Mconf.Mock.Tests.Support;

/// <summary>Exact texts from specs/reference.md §4, typed here independently of the spec catalogue so a
/// typo on either side shows.</summary>
internal static class Facts
{
    public const string ChecksumError = "You did not pass the checksum security check";
    public const string MissingMeetingId = "You must specify a meeting ID for the meeting.";
    public const string MissingFullName = "You must specify a name for the attendee who will be joining the meeting.";
    public const string InvalidPasswordJoin = "You either did not supply a password or the password supplied is neither the attendee or moderator password for this conference.";
    public const string InvalidPasswordEnd = "You must supply the moderator password for this call.";
    public const string InvalidMeetingIdentifier = "The meeting ID that you supplied did not match any existing meetings";
    public const string MeetingForciblyEnded = "You can not re-join a meeting that has already been forcibly ended.  However, once the meeting is removed from memory (according to the timeout configured on this server, you will be able to once again create a meeting with the same meeting ID";
    public const string MismatchCreateTime = "The createTime parameter submitted mismatches with the current meeting.";
    public const string IdNotUnique = "A meeting already exists with that meeting ID.  Please use a different meeting ID.";
    public const string DuplicateWarning = "This conference was already in existence and may currently be in progress.";
    public const string NotFoundEnd = "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?";
    public const string NotFoundInfo = "We could not find a meeting with that meeting ID";
    public const string NotFoundRecordings = "We could not find recordings";
    public const string MissingRecordId = "You must specify a recordID.";
    public const string MissingPublish = "You must specify a publish value true or false.";
    public const string NoMeetings = "no meetings were found on this server";
    public const string NoRecordings = "There are not recordings for the meetings";
    public const string SentEnd = "A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.";
    public const string SuccessfullyJoined = "You have joined successfully.";

    public static readonly string[] CreateOrder =
        ["returncode", "meetingID", "attendeePW", "moderatorPW", "createTime", "voiceBridge", "dialNumber", "createDate", "hasUserJoined", "duration", "hasBeenForciblyEnded", "messageKey", "message"];

    public static readonly string[] InfoOrder =
        ["returncode", "meetingName", "meetingID", "internalMeetingID", "createTime", "createDate", "voiceBridge", "dialNumber", "attendeePW", "moderatorPW", "running", "duration", "hasUserJoined", "recording", "hasBeenForciblyEnded", "startTime", "endTime", "participantCount", "listenerCount", "voiceParticipantCount", "maxUsers", "moderatorCount", "attendees", "metadata", "messageKey", "message"];

    public static readonly string[] AttendeeOrder =
        ["userID", "fullName", "role", "guest", "waitingForAcceptance", "isPresenter", "isListeningOnly", "hasJoinedVoice", "videoStreams", "customdata"];

    public static readonly string[] MeetingsEntryOrder =
        ["meetingID", "meetingName", "createTime", "createDate", "voiceBridge", "dialNumber", "attendeePW", "moderatorPW", "hasBeenForciblyEnded", "running", "participantCount", "listenerCount", "voiceParticipantCount", "videoCount", "duration", "hasUserJoined"];

    public static readonly string[] RecordingOrder =
        ["recordID", "meetingID", "name", "published", "startTime", "endTime", "size", "rawSize", "metadata", "playback", "download"];
}
