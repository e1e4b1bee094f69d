using System.Globalization;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Presence;

/// <summary>A check made after the meeting ended: on getStats for the session's meeting, or on the meta filters
/// over the session's own recording.</summary>
internal sealed record AftermathCheck(string SpecId, string Step, string Requirement, string Action);

/// <summary>What the session checks once its meeting ended: getStats lists the session's participants with join
/// and left times (data the suite knows, also on a server that had no stats before), and the meta filters select
/// exactly the session's recording, built so that OR, "only one filter applied", case-insensitive values or
/// case-sensitive keys would give another answer (specs/reference.md §6.3: keys lower-cased, values exact, AND).</summary>
internal static class SessionAftermath
{
    public const string Stats = "stats";
    public const string Recording = "recording";
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
        new("getStats/response/stats/meeting/participants/participant", Stats, "getStats lists a participant for every user the session saw join", "end the meeting, then getStats for it"),
        new(Participant + "userName", Stats, "each session user is listed under its full name", "end the meeting, then getStats for it"),
        new(Participant + "joinTime", Stats, "each session participant has a joinTime (a whole number)", "end the meeting, then getStats for it"),
        new(Participant + "leftTime", Stats, "each session participant has a leftTime, not before its joinTime", "end the meeting, then getStats for it"),
        new(Meta, "meta-one", "one filter on the run's own key selects exactly the session's recording", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-and", "several filters are ANDed: two matching filters select it; a matching one with a non-matching one (either order) selects nothing", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-no-match", "a filter no recording matches selects nothing", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-value-case", "values match exactly: tone=blue selects it, tone=Blue does not", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-key-case", "keys are case-insensitive: an upper-case key selects it", "getRecordings with meta filters over the session's recording"),
        new(Meta, "meta-missing-key", "a filter on a key the recording lacks selects nothing", "getRecordings with meta filters over the session's recording"),
    ];

    /// <summary>The stats checks: null when met, else what was seen.</summary>
    public static IReadOnlyDictionary<string, string?> JudgeStats(ApiAnswer answer, string meetingId, IReadOnlyList<SessionUser> joined)
    {
        var xml = answer.Xml;
        var meetings = xml?.Select("stats/meeting").ToList() ?? [];
        var ours = meetings.Where(m => BbbResponse.Value(m, "meetingID") == meetingId).ToList();
        var participants = ours.SelectMany(m => BbbResponse.Select(m, "participants/participant")).ToList();
        var mine = joined.Select(u => (User: u, Entry: participants.FirstOrDefault(p => BbbResponse.Value(p, "userName") == u.FullName))).ToList();
        var missing = mine.Where(m => m.Entry is null).Select(m => m.User.FullName).ToList();
        long? Time(System.Xml.Linq.XElement? p, string name) =>
            p is not null && long.TryParse(BbbResponse.Value(p, name)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["getStats/request/meetingID"] = xml?.IsSuccess != true ? answer.Summary()
                : ours.Count == 0 ? "no stats/meeting with the session's meetingID"
                : meetings.Count != ours.Count ? $"{meetings.Count - ours.Count} other meeting(s) too" : null,
            ["getStats/response/stats/meeting/participants/participant"] = missing.Count == 0 ? null : $"{participants.Count} participant(s), none for {string.Join(", ", missing)}",
            [Participant + "userName"] = missing.Count == 0 ? null : $"no participant named {string.Join(", ", missing)}",
            [Participant + "joinTime"] = mine.Where(m => m.Entry is not null && Time(m.Entry, "joinTime") is null).Select(m => m.User.FullName).ToList() is { Count: > 0 } noJoin
                ? $"no whole-number joinTime for {string.Join(", ", noJoin)}" : missing.Count > 0 ? "participants missing" : null,
            [Participant + "leftTime"] = mine.Where(m => m.Entry is not null && !(Time(m.Entry, "leftTime") >= Time(m.Entry, "joinTime"))).Select(m => m.User.FullName).ToList() is { Count: > 0 } badLeft
                ? $"no leftTime at or after joinTime for {string.Join(", ", badLeft)}" : missing.Count > 0 ? "participants missing" : null,
        };
    }

    /// <summary>The values each stats check judged: the meetings getStats listed, and each session user's participant entry.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Record, string Value)>> StatsSeen(ApiAnswer answer, string meetingId, IReadOnlyList<SessionUser> joined)
    {
        var meetings = answer.Xml?.Select("stats/meeting").ToList() ?? [];
        var participants = meetings.Where(m => BbbResponse.Value(m, "meetingID") == meetingId)
            .SelectMany(m => BbbResponse.Select(m, "participants/participant")).ToList();
        (string, string) Of(SessionUser user, string name) =>
            ($"participant {user.FullName}", participants.FirstOrDefault(p => BbbResponse.Value(p, "userName") == user.FullName) is { } p
                ? $"{name} {BbbResponse.Value(p, name) ?? "absent"}" : "not listed");
        IReadOnlyList<(string, string)> Each(string name) => [.. joined.Select(u => Of(u, name))];
        return new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal)
        {
            ["getStats/request/meetingID"] = [("stats", $"meetingIDs {(meetings.Count == 0 ? "none" : string.Join(", ", meetings.Select(m => BbbResponse.Value(m, "meetingID") ?? "absent")))}")],
            ["getStats/response/stats/meeting/participants/participant"] = [("the session's meeting", $"{participants.Count} participant(s) for {joined.Count} user(s) seen joining")],
            [Participant + "userName"] = Each("userName"),
            [Participant + "joinTime"] = Each("joinTime"),
            [Participant + "leftTime"] = [.. joined.Select(u => Of(u, "leftTime") is var left && Of(u, "joinTime") is var join ? (left.Item1, $"{join.Item2}, {left.Item2}") : default)],
        };
    }

    /// <summary>The filter queries of each meta check, each with whether the session's recording must be selected.</summary>
    public static IReadOnlyList<(string Step, (string Key, string Value)[] Filters, bool Selects)> MetaQueries(string token) =>
    [
        ("meta-one", [(RunKey, token)], true),
        ("meta-and", [(RunKey, token), (LabelKey, LabelValue)], true),
        ("meta-and", [(RunKey, token), (ShadeKey, "blue")], false),
        ("meta-and", [(LabelKey, "Presence Session B"), (RunKey, token)], false),
        ("meta-no-match", [(RunKey, token + "-nomatch")], false),
        ("meta-value-case", [(RunKey, token), (ToneKey, ToneValue)], true),
        ("meta-value-case", [(RunKey, token), (ToneKey, "Blue")], false),
        ("meta-key-case", [(RunKey.ToUpperInvariant(), token)], true),
        ("meta-missing-key", [(RunKey, token), ("absentkey", "x")], false),
    ];
}
