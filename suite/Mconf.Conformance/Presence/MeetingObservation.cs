using System.Globalization;
using System.Xml.Linq;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Presence;

/// <summary>An attendee as getMeetingInfo lists it. A boolean is null when the element is absent or not exactly
/// true/false (the element cases judge the form; the session judges the value).</summary>
internal sealed record ObservedAttendee(
    string? UserId,
    string? FullName,
    string? Role,
    bool? IsPresenter,
    bool? IsListeningOnly,
    bool? HasJoinedVoice,
    bool HasVideoStreams,
    IReadOnlyList<string> Streams,
    bool? Guest,
    bool? WaitingForAcceptance)
{
    public static ObservedAttendee From(XElement a) => new(
        BbbResponse.Value(a, "userID"),
        BbbResponse.Value(a, "fullName"),
        BbbResponse.Value(a, "role"),
        Bool(a, "isPresenter"),
        Bool(a, "isListeningOnly"),
        Bool(a, "hasJoinedVoice"),
        BbbResponse.Select(a, "videoStreams").Any(),
        [.. BbbResponse.Select(a, "videoStreams/streamName").Select(BbbResponse.Text)],
        Bool(a, "guest"),
        Bool(a, "waitingForAcceptance"));

    public string Describe() =>
        $"{FullName ?? UserId ?? "?"} ({Role}): isPresenter {Show(IsPresenter)}, isListeningOnly {Show(IsListeningOnly)}, " +
        $"hasJoinedVoice {Show(HasJoinedVoice)}, streams {Streams.Count}, guest {Show(Guest)}, waitingForAcceptance {Show(WaitingForAcceptance)}";

    private static bool? Bool(XElement a, string name) => BbbResponse.Value(a, name)?.Trim() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static string Show(bool? value) => value switch { true => "true", false => "false", null => "absent" };
}

/// <summary>One look at the session's meeting: its getMeetingInfo and its entry in getMeetings.</summary>
internal sealed record MeetingObservation(ApiAnswer Info, ApiAnswer Meetings, XElement? ListEntry, IReadOnlyList<ObservedAttendee> Attendees)
{
    public static MeetingObservation From(ApiAnswer info, ApiAnswer meetings, string meetingId) => new(
        info,
        meetings,
        meetings.Xml?.Select("meetings/meeting").FirstOrDefault(m => BbbResponse.Value(m, "meetingID") == meetingId),
        info.Xml is { IsSuccess: true } xml ? [.. xml.Select("attendees/attendee").Select(ObservedAttendee.From)] : []);

    public ObservedAttendee? Find(SessionUser user) =>
        Attendees.FirstOrDefault(a => a.UserId == user.UserId) ?? Attendees.FirstOrDefault(a => a.FullName == user.FullName);

    /// <summary>A count from getMeetingInfo; null when absent or not a number.</summary>
    public int? InfoCount(string name) => Number(Info.Xml?.Value(name));

    /// <summary>A count from the meeting's getMeetings entry.</summary>
    public int? ListCount(string name) => ListEntry is null ? null : Number(BbbResponse.Value(ListEntry, name));

    public string Describe() =>
        $"getMeetingInfo: participantCount {Show(InfoCount("participantCount"))}, listenerCount {Show(InfoCount("listenerCount"))}, " +
        $"voiceParticipantCount {Show(InfoCount("voiceParticipantCount"))}; getMeetings: participantCount {Show(ListCount("participantCount"))}, " +
        $"listenerCount {Show(ListCount("listenerCount"))}, voiceParticipantCount {Show(ListCount("voiceParticipantCount"))}, videoCount {Show(ListCount("videoCount"))}; " +
        $"attendees: {(Attendees.Count == 0 ? "none" : string.Join("; ", Attendees.Select(a => a.Describe())))}";

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Show(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "absent";
}
