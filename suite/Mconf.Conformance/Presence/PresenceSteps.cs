namespace Mconf.Conformance.Presence;

/// <summary>A user the session asks for: joined with the moderator or attendee password, as a guest or not.</summary>
public sealed record SessionUser(string UserId, string FullName, bool Moderator, bool Guest = false);

/// <summary>One check made once a step is observed: the delta it verifies and what it requires. <see cref="Verify"/>
/// returns null when the observation meets it, else what was seen instead.</summary>
internal sealed record StepCheck(string SpecId, string Requirement, Func<MeetingObservation, string?> Verify);

/// <summary>One thing only a client can do, the sign that it happened, and the checks on what the target then shows.</summary>
internal sealed record PresenceStep(string Action, SessionUser User, string Instruction, Func<MeetingObservation, bool> Observed, IReadOnlyList<StepCheck> Checks);

/// <summary>The session's steps, in order. Each check compares what was asked with what getMeetingInfo and
/// getMeetings say, so a server whose presence fields never change (everyone false, counts zero) fails them.</summary>
internal static class PresenceSteps
{
    public const string Info = "getMeetingInfo/response/";
    public const string Attendee = "getMeetingInfo/response/attendees/attendee/";
    public const string Listed = "getMeetings/response/meetings/meeting/";

    public static readonly SessionUser Moderator = new("conformance-moderator", "Conformance Moderator", Moderator: true);
    public static readonly SessionUser Viewer = new("conformance-viewer", "Conformance Viewer", Moderator: false);
    public static readonly SessionUser GuestUser = new("conformance-guest", "Conformance Guest", Moderator: true, Guest: true);

    public static readonly IReadOnlyList<string> Actions =
        ["join-moderator-voice", "join-viewer-listen-only", "share-webcam", "share-second-webcam", "make-presenter", "join-guest", "accept-guest"];

    /// <summary>Sent to the actor after the runner ended the meeting: a driver closes its clients (the kit's fake
    /// driver also lets the fake process the recording). Its outcome only matters to the recording checks.</summary>
    public const string MeetingEnded = "meeting-ended";

    public static IReadOnlyList<PresenceStep> All { get; } =
    [
        new("join-moderator-voice", Moderator,
            "Open the join link (you join as the moderator) and join the audio WITH a microphone (not listen-only).",
            o => o.Find(Moderator)?.HasJoinedVoice == true,
            [
                Flag(Moderator, "hasJoinedVoice", true),
                Flag(Moderator, "isListeningOnly", false),
                SinglePresenter(),
                Count(Info + "voiceParticipantCount", 1),
                Count(Info + "listenerCount", 0),
                Count(Listed + "voiceParticipantCount", 1),
                Count(Listed + "listenerCount", 0),
                Count(Listed + "participantCount", 1),
            ]),
        new("join-viewer-listen-only", Viewer,
            "Open the join link in another browser (you join as a viewer) and choose LISTEN ONLY for the audio.",
            o => o.Find(Viewer)?.IsListeningOnly == true,
            [
                Flag(Viewer, "isListeningOnly", true),
                Flag(Viewer, "hasJoinedVoice", false),
                Count(Info + "listenerCount", 1),
                Count(Info + "voiceParticipantCount", 1),
                Count(Listed + "listenerCount", 1),
                Count(Listed + "voiceParticipantCount", 1),
                Count(Listed + "participantCount", 2),
            ]),
        new("share-webcam", Moderator,
            "As the moderator, share a webcam.",
            o => o.Find(Moderator)?.Streams.Count >= 1,
            [
                new(Attendee + "videoStreams", "the moderator's attendee has a videoStreams element",
                    o => Of(o, Moderator) is { } a && !a.HasVideoStreams ? "no videoStreams element" : null),
                Streams(1),
                Count(Listed + "videoCount", 1),
            ]),
        new("share-second-webcam", Moderator,
            "As the moderator, share a SECOND webcam (another camera) while the first stays on.",
            o => o.Find(Moderator)?.Streams.Count >= 2,
            [
                Streams(2),
                Count(Listed + "videoCount", 2),
            ]),
        new("make-presenter", Viewer,
            "As the moderator, make the viewer (Conformance Viewer) presenter.",
            o => o.Find(Viewer)?.IsPresenter == true,
            [
                new(Attendee + "isPresenter", "the viewer has isPresenter true and every other attendee false (one presenter at a time)",
                    o => Of(o, Viewer)!.IsPresenter != true ? $"the viewer's isPresenter {Show(Of(o, Viewer)!.IsPresenter)}"
                        : o.Attendees.Where(a => a != o.Find(Viewer) && a.IsPresenter != false).Select(a => a.FullName ?? a.UserId).ToList() is { Count: > 0 } others
                            ? $"also presenter, or no isPresenter: {string.Join(", ", others)}" : null),
            ]),
        new("join-guest", GuestUser,
            "Open the join link in a third browser: you join as a GUEST (with the moderator password). Wait in the waiting room; do not accept yet.",
            o => o.Find(GuestUser) is not null,
            [
                Flag(GuestUser, "guest", true),
                Flag(GuestUser, "waitingForAcceptance", true),
                new("join/request/guest", "a user joined with guest=true is listed as a guest waiting for acceptance",
                    o => Of(o, GuestUser) is { Guest: true, WaitingForAcceptance: true } ? null : $"{Of(o, GuestUser)?.Describe()}"),
            ]),
        new("accept-guest", GuestUser,
            "As the moderator, accept the waiting guest.",
            o => o.Find(GuestUser)?.WaitingForAcceptance == false,
            [
                Flag(GuestUser, "waitingForAcceptance", false),
                new(Attendee + "guest", "the accepted guest is still marked guest and keeps the role of its password (MODERATOR)",
                    o => Of(o, GuestUser) is { Guest: true, Role: "MODERATOR" } ? null : $"{Of(o, GuestUser)?.Describe()}"),
                Count(Listed + "participantCount", 3),
            ]),
    ];

    private static ObservedAttendee? Of(MeetingObservation o, SessionUser user) =>
        o.Find(user) ?? throw new UserNotListed(user);

    private static StepCheck Flag(SessionUser user, string element, bool expected) =>
        new(Attendee + element, $"{user.FullName}'s attendee has {element} {(expected ? "true" : "false")}",
            o => Of(o, user) is { } a && Value(a, element) == expected ? null : $"{element} {Show(Value(Of(o, user)!, element))}");

    private static StepCheck SinglePresenter() =>
        new(Attendee + "isPresenter", "at most one attendee has isPresenter true",
            o => o.Attendees.Count(a => a.IsPresenter == true) is var n and > 1 ? $"{n} presenters" : null);

    private static StepCheck Streams(int expected) =>
        new(Attendee + "videoStreams/streamName", $"the moderator's videoStreams lists {expected} distinct non-empty streamName(s)",
            o => Of(o, Moderator)!.Streams.Where(s => s.Trim().Length > 0).Distinct(StringComparer.Ordinal).Count() is var n && n == expected
                ? null : $"{n} distinct streamName(s)");

    private static StepCheck Count(string specId, int expected)
    {
        var name = specId[(specId.LastIndexOf('/') + 1)..];
        var inInfo = specId.StartsWith(Info, StringComparison.Ordinal);
        return new(specId, $"{(inInfo ? "getMeetingInfo" : "the meeting's getMeetings entry")} has {name} {expected}",
            o => (inInfo ? o.InfoCount(name) : o.ListCount(name)) is var n && n == expected ? null : $"{name} {(n is null ? "absent" : n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }

    private static bool? Value(ObservedAttendee a, string element) => element switch
    {
        "hasJoinedVoice" => a.HasJoinedVoice,
        "isListeningOnly" => a.IsListeningOnly,
        "isPresenter" => a.IsPresenter,
        "guest" => a.Guest,
        "waitingForAcceptance" => a.WaitingForAcceptance,
        _ => throw new ArgumentOutOfRangeException(nameof(element), element, "not a presence flag"),
    };

    private static string Show(bool? value) => value switch { true => "true", false => "false", null => "absent" };
}

/// <summary>The user a check is about is not among the attendees: nothing to judge (the step may not have been done).</summary>
internal sealed class UserNotListed(SessionUser user) : Exception($"{user.FullName} is not among the attendees")
{
    public SessionUser User { get; } = user;
}
