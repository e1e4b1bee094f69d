using System.Globalization;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Presence;

/// <summary>A check made after the meeting ended: on getStats for the session's meeting, or on the meta filters
/// over the session's own recording.</summary>
internal sealed record AftermathCheck(string SpecId, string Step, string Requirement, string Action);

/// <summary>The session's meeting as the session made it: the meetingID and name it sent, and its internal ID
/// computed from its create answer's createTime (specs/reference.md §6.1).</summary>
internal sealed record SessionMeeting(string Id, string Name, string InternalId);

/// <summary>What the session checks once its meeting ended: getStats lists the session's participants with join
/// and left times (data the suite knows, also on a server that had no stats before), and the meta filters select
/// exactly the session's recording, built so that OR, "only one filter applied", case-insensitive values or
/// case-sensitive keys would give another answer (specs/reference.md §6.3: keys lower-cased, values exact, AND).</summary>
internal static class SessionAftermath
{
    public const string Stats = "stats";
    public const string Recording = "recording";
    public const string RecordingName = "recording-name";
    public const string Publish = "publish";
    public const string NameId = "getRecordings/response/recordings/recording/name";
    public const string PublishedId = "publishRecordings/response/published";
    public const string ListedPublishedId = "getRecordings/response/recordings/recording/published";
    private const string Participant = "getStats/response/stats/meeting/participants/participant/";
    private const string Meta = "getRecordings/request/meta_*";

    /// <summary>The keys the session's meeting is created with: a run token, two values that differ only in case, a value with spaces.</summary>
    public const string RunKey = "conformancerun";
    public const string ShadeKey = "shade";
    public const string ToneKey = "tone";
    public const string LabelKey = "label";
    public const string ShadeValue = "Blue";
    public const string ToneValue = "blue";
    public const string LabelValue = "Presence Session A";

    public static readonly IReadOnlyList<AftermathCheck> Checks =
    [
        new("getStats/request/meetingID", Stats, "getStats?meetingID=<the session's meeting> answers SUCCESS with that meeting only", "end the meeting, then getStats for it"),
        new("getStats/response/stats/meeting/participants/participant", Stats, "getStats lists a participant for every user the session saw join, and no participant entry twice word for word", "end the meeting, then getStats for it"),
        new("getStats/response/stats/meeting", Stats, "getStats lists the session's meeting once: one meeting, one session, one entry", "end the meeting, then getStats for it"),
        new("getStats/response/stats/meeting/meetingName", Stats, "the session's entry has the meetingName the session created the meeting with", "end the meeting, then getStats for it"),
        new("getStats/response/stats/meeting/recordID", Stats, "the session's entry has the meeting's internal ID as recordID: sha1(meetingID)-createTime of its create answer", "end the meeting, then getStats for it"),
        new(Participant + "userID", Stats, "each participant of the session's meeting has a non-empty userID", "end the meeting, then getStats for it"),
        new(Participant + "userName", Stats, "each session user is listed under its full name", "end the meeting, then getStats for it"),
        new(Participant + "joinTime", Stats, "each session participant has a joinTime (a whole number)", "end the meeting, then getStats for it"),
        new(Participant + "leftTime", Stats, "each session participant has a leftTime, not before its joinTime", "end the meeting, then getStats for it"),
        new(NameId, RecordingName, "the session's recording is named as the session named its meeting", "getRecordings for the session's meeting"),
        new(PublishedId, Publish, "publishRecordings on the session's recording answers SUCCESS with one <published> echoing the value sent (false, then true)", "publishRecordings false then true on the session's recording"),
        new(ListedPublishedId, Publish, "after publish=false getRecordings shows the session's recording with published false; after publish=true, true", "publishRecordings false then true on the session's recording"),
        new(Meta, "meta-one", "one filter on the run's own key selects exactly the session's recording", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-and", "several filters are ANDed: two matching filters select it; a matching one with a non-matching one (either order) selects nothing", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-no-match", "a filter no recording matches selects nothing", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-value-case", "values match exactly: tone=blue selects it, tone=Blue does not", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-key-case", "keys are case-insensitive: an upper-case key selects it", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-missing-key", "a filter on a key the recording lacks selects nothing", "getRecordings with meta filters over the session's recording"),
    ];

    /// <summary>The stats checks: null when met, else what was seen. Identities are judged against what the session
    /// knows from elsewhere (the meetingID and name it created the meeting with, its create answer's createTime,
    /// the users it saw join), never against another part of the same answer.</summary>
    public static IReadOnlyDictionary<string, string?> JudgeStats(ApiAnswer answer, SessionMeeting meeting, IReadOnlyList<SessionUser> joined)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(meeting);
        var xml = answer.Xml;
        var (meetings, ours, participants) = Entries(answer, meeting.Id);
        var entry = ours.Count == 1 ? ours[0] : null;
        var mine = joined.Select(u => (User: u, Entry: participants.FirstOrDefault(p => BbbResponse.Value(p, "userName") == u.FullName))).ToList();
        var missing = mine.Where(m => m.Entry is null).Select(m => m.User.FullName).ToList();
        // A participant entry listed twice word for word is never two connections: they would differ in times or IDs.
        var twice = participants.GroupBy(p => p.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        long? Time(System.Xml.Linq.XElement? p, string name) =>
            p is not null && long.TryParse(BbbResponse.Value(p, name)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        string? OneEntry(string name, string expected, string what) =>
            entry is null ? (ours.Count == 0 ? "no stats/meeting with the session's meetingID" : $"{ours.Count} entries for the session's meetingID")
            : BbbResponse.Select(entry, name).Count() is var n && n != 1 ? $"{n} <{name}> elements"
            : BbbResponse.Value(entry, name) is var got && got != expected ? $"{name} '{got ?? "absent"}', expected {what} '{expected}'" : null;
        var noUserId = participants.Where(p => string.IsNullOrWhiteSpace(BbbResponse.Value(p, "userID"))).Select(p => BbbResponse.Value(p, "userName") ?? "?").ToList();

        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["getStats/request/meetingID"] = xml?.IsSuccess != true ? answer.Summary()
                : ours.Count == 0 ? "no stats/meeting with the session's meetingID"
                : meetings.Count != ours.Count ? $"{meetings.Count - ours.Count} other meeting(s) too" : null,
            ["getStats/response/stats/meeting"] = ours.Count == 1 ? null : $"{ours.Count} entries for the session's meetingID (one meeting, one session)",
            ["getStats/response/stats/meeting/meetingName"] = OneEntry("meetingName", meeting.Name, "the name the session created it with"),
            ["getStats/response/stats/meeting/recordID"] = OneEntry("recordID", meeting.InternalId, "its internal meeting ID, sha1(meetingID)-createTime of the create answer"),
            ["getStats/response/stats/meeting/participants/participant"] = missing.Count > 0 ? $"{participants.Count} participant(s), none for {string.Join(", ", missing)}"
                : twice.Count > 0 ? $"{twice.Count} participant entr{(twice.Count == 1 ? "y" : "ies")} listed twice, word for word ({string.Join(", ", twice.Select(g => BbbResponse.Value(g.First(), "userName") ?? "?"))})" : null,
            [Participant + "userID"] = noUserId.Count > 0 ? $"no userID for {string.Join(", ", noUserId)}" : missing.Count > 0 ? "participants missing" : null,
            [Participant + "userName"] = missing.Count == 0 ? null : $"no participant named {string.Join(", ", missing)}",
            [Participant + "joinTime"] = mine.Where(m => m.Entry is not null && Time(m.Entry, "joinTime") is null).Select(m => m.User.FullName).ToList() is { Count: > 0 } noJoin
                ? $"no whole-number joinTime for {string.Join(", ", noJoin)}" : missing.Count > 0 ? "participants missing" : null,
            [Participant + "leftTime"] = mine.Where(m => m.Entry is not null && !(Time(m.Entry, "leftTime") >= Time(m.Entry, "joinTime"))).Select(m => m.User.FullName).ToList() is { Count: > 0 } badLeft
                ? $"no leftTime at or after joinTime for {string.Join(", ", badLeft)}" : missing.Count > 0 ? "participants missing" : null,
        };
    }

    /// <summary>True once getStats lists the session's meeting with a participant named as each user seen joining.</summary>
    public static bool StatsShown(ApiAnswer answer, SessionMeeting meeting, IReadOnlyList<SessionUser> joined)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(meeting);
        var names = Entries(answer, meeting.Id).Participants.Select(p => BbbResponse.Value(p, "userName")).ToHashSet(StringComparer.Ordinal);
        return joined.All(u => names.Contains(u.FullName));
    }

    /// <summary>The values each stats check judged: the meetings getStats listed, and each session user's participant entry.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Record, string Value)>> StatsSeen(ApiAnswer answer, SessionMeeting meeting, IReadOnlyList<SessionUser> joined)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(meeting);
        var (meetings, ours, participants) = Entries(answer, meeting.Id);
        (string, string) Of(SessionUser user, string name) =>
            ($"participant {user.FullName}", participants.FirstOrDefault(p => BbbResponse.Value(p, "userName") == user.FullName) is { } p
                ? $"{name} {BbbResponse.Value(p, name) ?? "absent"}" : "not listed");
        IReadOnlyList<(string, string)> Each(string name) => [.. joined.Select(u => Of(u, name))];
        IReadOnlyList<(string, string)> Entry(string name) =>
            [.. ours.Select(m => ("the session's meeting", $"{name} {BbbResponse.Value(m, name) ?? "absent"} (created as '{(name == "recordID" ? meeting.InternalId : meeting.Name)}')"))];
        return new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal)
        {
            ["getStats/request/meetingID"] = [("stats", $"meetingIDs {(meetings.Count == 0 ? "none" : string.Join(", ", meetings.Select(m => BbbResponse.Value(m, "meetingID") ?? "absent")))}")],
            ["getStats/response/stats/meeting"] = [("stats", $"{ours.Count} entr{(ours.Count == 1 ? "y" : "ies")} for the session's meetingID")],
            ["getStats/response/stats/meeting/meetingName"] = Entry("meetingName"),
            ["getStats/response/stats/meeting/recordID"] = Entry("recordID"),
            ["getStats/response/stats/meeting/participants/participant"] = [("the session's meeting", $"{participants.Count} participant(s) for {joined.Count} user(s) seen joining")],
            [Participant + "userID"] = [.. participants.Select(p => ($"participant {BbbResponse.Value(p, "userName") ?? "?"}", $"userID {BbbResponse.Value(p, "userID") ?? "absent"}"))],
            [Participant + "userName"] = Each("userName"),
            [Participant + "joinTime"] = Each("joinTime"),
            [Participant + "leftTime"] = [.. joined.Select(u => Of(u, "leftTime") is var left && Of(u, "joinTime") is var join ? (left.Item1, $"{join.Item2}, {left.Item2}") : default)],
        };
    }

    /// <summary>The session's recording in <paramref name="listing"/> has exactly one name, the meeting's.</summary>
    public static (string? Problem, string Seen) JudgeName(ApiAnswer listing, string recordId, string name)
    {
        var record = Record(listing, recordId);
        var names = record is null ? [] : BbbResponse.Select(record, "name").Select(BbbResponse.Text).ToList();
        var seen = $"name {(names.Count == 0 ? "absent" : string.Join(" | ", names.Select(n => $"'{n}'")))} (the meeting was created as '{name}')";
        return (names is [var only] && only == name ? null : seen, seen);
    }

    /// <summary>publishRecordings answered SUCCESS with one &lt;published&gt;, the value sent (specs/reference.md §3.8: the raw parameter).</summary>
    public static (string? Problem, string Seen) PublishAnswer(ApiAnswer answer, string publish)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var values = answer.Xml?.Select("published").Select(BbbResponse.Text).ToList() ?? [];
        var seen = $"publish={publish}: {answer.Summary()}, published {(values.Count == 0 ? "absent" : string.Join(" | ", values))}";
        return (answer.Xml?.IsSuccess == true && values is [var only] && only.Trim() == publish ? null : seen, seen);
    }

    /// <summary>getRecordings after a publishRecordings shows the recording with exactly one &lt;published&gt;, the value set.</summary>
    public static (string? Problem, string Seen) ListedPublished(ApiAnswer listing, string recordId, string publish)
    {
        var record = Record(listing, recordId);
        var values = record is null ? [] : BbbResponse.Select(record, "published").Select(BbbResponse.Text).ToList();
        var seen = record is null ? $"after publish={publish}: the recording is not listed ({listing.Summary()})"
            : $"after publish={publish}: published {(values.Count == 0 ? "absent" : string.Join(" | ", values))}";
        return (values is [var only] && only.Trim() == publish ? null : seen, seen);
    }

    /// <summary>getStats' meeting entries, those of the session's meeting, and that meeting's participant entries.</summary>
    private static (List<System.Xml.Linq.XElement> Meetings, List<System.Xml.Linq.XElement> Ours, List<System.Xml.Linq.XElement> Participants) Entries(ApiAnswer answer, string meetingId)
    {
        var meetings = answer.Xml?.Select("stats/meeting").ToList() ?? [];
        var ours = meetings.Where(m => BbbResponse.Value(m, "meetingID") == meetingId).ToList();
        return (meetings, ours, [.. ours.SelectMany(m => BbbResponse.Select(m, "participants/participant"))]);
    }

    private static System.Xml.Linq.XElement? Record(ApiAnswer listing, string recordId) =>
        listing.Xml?.Select("recordings/recording").FirstOrDefault(r => BbbResponse.Value(r, "recordID") == recordId);

    /// <summary>The metadata the session creates its meeting with, which its recording must carry: the meta filters
    /// are judged against it, never against the metadata a listing shows.</summary>
    public static IReadOnlyDictionary<string, string> CreatedMeta(string token) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RunKey] = token,
        [ShadeKey] = ShadeValue,
        [ToneKey] = ToneValue,
        [LabelKey] = LabelValue,
    };

    /// <summary>The filter queries of each meta check; whether one must select the session's recording follows from
    /// <see cref="CreatedMeta"/>: the session's token alone, with the label, with tone=blue and with an upper-case key
    /// do; the others do not.</summary>
    public static IReadOnlyList<(string Step, (string Key, string Value)[] Filters)> MetaQueries(string token) =>
    [
        ("meta-one", [(RunKey, token)]),
        ("meta-and", [(RunKey, token), (LabelKey, LabelValue)]),
        ("meta-and", [(RunKey, token), (ShadeKey, "blue")]),
        ("meta-and", [(LabelKey, "Presence Session B"), (RunKey, token)]),
        ("meta-no-match", [(RunKey, token + "-nomatch")]),
        ("meta-value-case", [(RunKey, token), (ToneKey, ToneValue)]),
        ("meta-value-case", [(RunKey, token), (ToneKey, "Blue")]),
        ("meta-key-case", [(RunKey.ToUpperInvariant(), token)]),
        ("meta-missing-key", [(RunKey, token), ("absentkey", "x")]),
    ];
}
