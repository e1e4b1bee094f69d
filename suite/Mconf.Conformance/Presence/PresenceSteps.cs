namespace Mconf.Conformance.Presence;

/// <summary>A user the session asks for: joined with the moderator or attendee password, as a guest or not.</summary>
internal sealed record SessionUser(string UserId, string FullName, bool Moderator, bool Guest = false);

/// <summary>One check made once a step is observed: the delta it verifies and what it requires. <see cref="Verify"/>
/// returns null when the observation meets it, else what was seen instead. <see cref="Seen"/> gives the values it
/// judged (the result's witnesses); <see cref="Variation"/> names the legitimate variation the observation shows,
/// if any, with the same words as the regular case of the same delta, so the reports give it once.</summary>
internal sealed record StepCheck(string SpecId, string Requirement, Func<MeetingObservation, string?> Verify)
{
    public Func<MeetingObservation, IReadOnlyList<SeenValue>> Seen { get; init; } = _ => [];

    public Func<MeetingObservation, string?> Variation { get; init; } = _ => null;
}

/// <summary>A value a session check judged: from getMeetings (<see cref="InList"/>) or getMeetingInfo, in which record.</summary>
internal sealed record SeenValue(bool InList, string Record, string Value);

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
                Identity("fullName", [Moderator, Viewer]),
                Identity("role", [Moderator, Viewer]),
            ]),
        new("share-webcam", Moderator,
            "As the moderator, share a webcam.",
            o => o.Find(Moderator)?.Streams.Count >= 1,
            [
                new(Attendee + "videoStreams", "the moderator's attendee has a videoStreams element",
                    o => Of(o, Moderator) is { } a && !a.HasVideoStreams ? "no videoStreams element" : null)
                {
                    Seen = o => [AttendeeValue(Moderator, Of(o, Moderator)!.HasVideoStreams ? $"videoStreams with {Of(o, Moderator)!.Streams.Count} streamName(s)" : "no videoStreams")],
                },
                Streams(1),
                Count(Listed + "videoCount", 1),
            ]),
        new("share-second-webcam", Moderator,
            "As the moderator, share a SECOND webcam (another camera) while the first stays on.",
            o => o.Find(Moderator)?.Streams.Count >= 2,
            [
                Streams(2),
                // The wiki counts participants sharing video, Mconf-Live's code counts streams (specs/reference.md
                // §4): with one participant sharing two webcams, 1 and 2 both conform, as in the regular videoCount case.
                Count(Listed + "videoCount", 2) with
                {
                    Requirement = "the meeting's getMeetings entry has videoCount 2 (streams) or 1 (participants sharing video)",
                    Verify = o => o.ListCount("videoCount") is 1 or 2 ? null : $"videoCount {Show(o.ListCount("videoCount"))}",
                    Variation = o => o.ListCount("videoCount") switch { 1 => Kinds.VideoCountCheck.CountsSharers, 2 => Kinds.VideoCountCheck.CountsStreams, _ => null },
                },
            ]),
        new("make-presenter", Viewer,
            "As the moderator, make the viewer (Conformance Viewer) presenter.",
            o => o.Find(Viewer)?.IsPresenter == true,
            [
                new(Attendee + "isPresenter", "the viewer has isPresenter true and every other attendee false (one presenter at a time)",
                    o => Of(o, Viewer)!.IsPresenter != true ? $"the viewer's isPresenter {Show(Of(o, Viewer)!.IsPresenter)}"
                        : o.Attendees.Where(a => a != o.Find(Viewer) && a.IsPresenter != false).Select(a => a.FullName ?? a.UserId).ToList() is { Count: > 0 } others
                            ? $"also presenter, or no isPresenter: {string.Join(", ", others)}" : null)
                {
                    Seen = o => [.. o.Attendees.Select(a => new SeenValue(false, $"attendee {a.UserId ?? a.FullName}", $"isPresenter {Show(a.IsPresenter)}"))],
                },
            ]),
        new("join-guest", GuestUser,
            "Open the join link in a third browser: you join as a GUEST (with the moderator password). Wait in the waiting room; do not accept yet.",
            o => o.Find(GuestUser) is not null,
            [
                Flag(GuestUser, "guest", true),
                // A guest policy that accepts guests at once (ALWAYS_ACCEPT, specs/reference.md §6.2) lists the guest
                // not waiting: the regular guest-join case accepts it, so the session does too.
                Flag(GuestUser, "waitingForAcceptance", true) with
                {
                    Requirement = "Conformance Guest's attendee has waitingForAcceptance true (false with guest true: a policy that accepts guests at once)",
                    Verify = o => Of(o, GuestUser) is { WaitingForAcceptance: true } or { Guest: true, WaitingForAcceptance: false } ? null
                        : $"waitingForAcceptance {Show(Of(o, GuestUser)!.WaitingForAcceptance)}, guest {Show(Of(o, GuestUser)!.Guest)}",
                    Variation = AcceptedAtOnce,
                },
                new("join/request/guest", "a user joined with guest=true is listed as a guest (guest true, and waitingForAcceptance true where the moderator is asked)",
                    o => Of(o, GuestUser) is { Guest: true } or { Guest: null, WaitingForAcceptance: true } ? null : $"{Of(o, GuestUser)?.Describe()}")
                {
                    Seen = o => [AttendeeValue(GuestUser, $"guest {Show(Of(o, GuestUser)!.Guest)}, waitingForAcceptance {Show(Of(o, GuestUser)!.WaitingForAcceptance)}")],
                    Variation = AcceptedAtOnce,
                },
            ]),
        new("accept-guest", GuestUser,
            "As the moderator, accept the waiting guest.",
            o => o.Find(GuestUser)?.WaitingForAcceptance == false,
            [
                Flag(GuestUser, "waitingForAcceptance", false),
                new(Attendee + "guest", "the accepted guest is still marked guest and keeps the role of its password (MODERATOR)",
                    o => Of(o, GuestUser) is { Guest: true, Role: "MODERATOR" } ? null : $"{Of(o, GuestUser)?.Describe()}")
                {
                    Seen = o => [AttendeeValue(GuestUser, $"guest {Show(Of(o, GuestUser)!.Guest)}, role {Of(o, GuestUser)!.Role ?? "absent"}")],
                },
                Count(Listed + "participantCount", 3),
                Identity("fullName", [Moderator, Viewer, GuestUser]),
            ]),
    ];

    private static ObservedAttendee? Of(MeetingObservation o, SessionUser user) =>
        o.Find(user) ?? throw new UserNotListed(user);

    private static StepCheck Flag(SessionUser user, string element, bool expected) =>
        new(Attendee + element, $"{user.FullName}'s attendee has {element} {(expected ? "true" : "false")}",
            o => Of(o, user) is { } a && Value(a, element) == expected ? null : $"{element} {Show(Value(Of(o, user)!, element))}")
        {
            Seen = o => [AttendeeValue(user, $"{element} {Show(Value(Of(o, user)!, element))}")],
        };

    /// <summary>Each listed user, found by the userID its join sent, has the fullName that join sent or the role of its
    /// password (specs/reference.md §3.2): with several attendees, a value taken from another attendee fails.</summary>
    private static StepCheck Identity(string element, IReadOnlyList<SessionUser> users)
    {
        static string Expected(SessionUser u, string element) => element == "fullName" ? u.FullName : u.Moderator ? "MODERATOR" : "VIEWER";
        static string? Actual(ObservedAttendee a, string element) => element == "fullName" ? a.FullName : a.Role;
        IEnumerable<(SessionUser User, ObservedAttendee? Attendee)> Listed(MeetingObservation o) =>
            users.Select(u => (u, o.Attendees.FirstOrDefault(a => a.UserId == u.UserId)));
        return new(Attendee + element, $"each session attendee ({string.Join(", ", users.Select(u => u.UserId))}) has the {element} its join gave" +
                (element == "role" ? " (the role of its password)" : ""),
            o => Listed(o).Where(l => l.Attendee is not null && Actual(l.Attendee, element) != Expected(l.User, element))
                .Select(l => $"{l.User.UserId}: {element} '{Actual(l.Attendee!, element) ?? "absent"}', expected '{Expected(l.User, element)}'").ToList() is { Count: > 0 } wrong
                ? string.Join("; ", wrong)
                : Listed(o).Any(l => l.Attendee is not null) ? null : throw new UserNotListed(users[0]))
        {
            Seen = o => [.. Listed(o).Where(l => l.Attendee is not null).Select(l => AttendeeValue(l.User, $"{element} {Actual(l.Attendee!, element) ?? "absent"}"))],
        };
    }

    private static StepCheck SinglePresenter() =>
        new(Attendee + "isPresenter", "at most one attendee has isPresenter true",
            o => o.Attendees.Count(a => a.IsPresenter == true) is var n and > 1 ? $"{n} presenters" : null)
        {
            Seen = o => [new(false, "the session's meeting", $"{o.Attendees.Count(a => a.IsPresenter == true)} of {o.Attendees.Count} attendee(s) with isPresenter true")],
        };

    private static StepCheck Streams(int expected) =>
        new(Attendee + "videoStreams/streamName", $"the moderator's videoStreams lists {expected} distinct non-empty streamName(s)",
            o => DistinctStreams(Of(o, Moderator)!) is var n && n == expected ? null : $"{n} distinct streamName(s)")
        {
            Seen = o => [AttendeeValue(Moderator, $"{DistinctStreams(Of(o, Moderator)!)} distinct streamName(s)")],
        };

    private static int DistinctStreams(ObservedAttendee a) => a.Streams.Where(s => s.Trim().Length > 0).Distinct(StringComparer.Ordinal).Count();

    private static StepCheck Count(string specId, int expected)
    {
        var name = specId[(specId.LastIndexOf('/') + 1)..];
        var inInfo = specId.StartsWith(Info, StringComparison.Ordinal);
        int? Read(MeetingObservation o) => inInfo ? o.InfoCount(name) : o.ListCount(name);
        return new(specId, $"{(inInfo ? "getMeetingInfo" : "the meeting's getMeetings entry")} has {name} {expected}",
            o => Read(o) is var n && n == expected ? null : $"{name} {Show(n)}")
        {
            Seen = o => [new(!inInfo, "the session's meeting", $"{name} {Show(Read(o))}; attendees: {o.Attendees.Count}")],
        };
    }

    private static SeenValue AttendeeValue(SessionUser user, string value) => new(false, $"attendee {user.UserId}", value);

    private static string? AcceptedAtOnce(MeetingObservation o) =>
        o.Find(GuestUser) is { Guest: true, WaitingForAcceptance: false } ? Kinds.GuestJoinCheck.AcceptsAtOnce : null;

    private static string Show(int? n) => n is null ? "absent" : n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
