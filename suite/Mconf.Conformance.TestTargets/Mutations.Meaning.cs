using System.Globalization;
using System.Xml.Linq;

namespace Mconf.Conformance.TestTargets;

/// <summary>Answers that break one meaning rule (a unit, an order, a sum, a length) while every element stays
/// present and well typed, and the legitimate variations those rules must accept (a server clock hours off, a
/// createDate in another time zone).</summary>
public static partial class Mutations
{
    /// <summary>Forty years in milliseconds: a time that old is no time a server keeps (the epoch-ms window is 20 years).</summary>
    public const long FortyYearsMs = 40L * 366 * 24 * 3_600_000;

    /// <summary>Multiplies (or divides, when <paramref name="factor"/> is negative) every integer at
    /// <paramref name="path"/> in <paramref name="call"/>'s answers: ×1000 reads as microseconds, ÷1000 as seconds,
    /// ×60 as a length in seconds.</summary>
    public static Mutation ScaleValue(string call, string path, long factor) =>
        SetValue(call, path, text => long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value != 0
            ? (factor > 0 ? value * factor : value / -factor).ToString(CultureInfo.InvariantCulture)
            : text) with { Name = $"{path} of {call} {(factor > 0 ? "×" + factor.ToString(CultureInfo.InvariantCulture) : "÷" + (-factor).ToString(CultureInfo.InvariantCulture))}" };

    /// <summary>Sets the integer at <paramref name="target"/> of every record at <paramref name="record"/> to the
    /// integer at <paramref name="from"/> (same record) plus <paramref name="deltaMs"/>: e.g. a startTime before its
    /// createTime, a leftTime before its joinTime.</summary>
    public static Mutation Relative(string call, string record, string target, string from, long deltaMs) =>
        Xml($"{record}/{target} = {from} {(deltaMs < 0 ? "−" : "+")} {Math.Abs(deltaMs).ToString(CultureInfo.InvariantCulture)} ms in {call}", call, root =>
        {
            foreach (var element in record.Length == 0 ? [root] : Select(root, record).ToList())
            {
                var source = Select(element, from).FirstOrDefault();
                if (source is null || !long.TryParse(source.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value == 0)
                {
                    continue;
                }

                foreach (var changed in Select(element, target).ToList())
                {
                    changed.Value = (value + deltaMs).ToString(CultureInfo.InvariantCulture);
                }
            }
        });

    /// <summary>Swaps two integers of every record (e.g. a recording's startTime and endTime).</summary>
    public static Mutation Swap(string call, string record, string first, string second) =>
        Xml($"{first} and {second} swapped in {call}", call, root =>
        {
            foreach (var element in Select(root, record).ToList())
            {
                if (element.Element(first) is { } a && element.Element(second) is { } b)
                {
                    (a.Value, b.Value) = (b.Value, a.Value);
                }
            }
        });

    /// <summary>Adds <paramref name="delta"/> to every integer at <paramref name="path"/> (e.g. a recording's size
    /// one byte more than its formats' sizes).</summary>
    public static Mutation Offset(string call, string path, long delta) =>
        SetValue(call, path, text => long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value + delta).ToString(CultureInfo.InvariantCulture)
            : text) with { Name = $"{path} of {call} + {delta.ToString(CultureInfo.InvariantCulture)}" };

    /// <summary>createDate written in a time zone <paramref name="offset"/> from UTC (Java's Date.toString() on a
    /// server whose zone is not UTC), naming <paramref name="zone"/>; the instant it shows is unchanged.</summary>
    public static Mutation CreateDateInZone(string zone, TimeSpan offset) =>
        Xml($"createDate in {zone}", null, root =>
        {
            foreach (var element in root.Descendants("createDate").ToList())
            {
                var parts = element.Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 6 && DateTime.TryParseExact($"{parts[1]} {parts[2]} {parts[3]} {parts[5]}", "MMM dd HH:mm:ss yyyy",
                        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
                {
                    element.Value = (utc + offset).ToString($"ddd MMM dd HH:mm:ss '{zone}' yyyy", CultureInfo.InvariantCulture);
                }
            }
        });

    /// <summary>A recording's size counts its download formats too (the other reading of "the sum of its formats'
    /// sizes"): size = playback sizes + download sizes.</summary>
    public static Mutation SizeIncludesDownloads() =>
        Xml("recording size includes the download formats", "getRecordings", root =>
        {
            foreach (var recording in Select(root, "recordings/recording").ToList())
            {
                var sizes = Select(recording, "playback/format/size").Concat(Select(recording, "download/format/size"))
                    .Select(e => long.Parse(e.Value.Trim(), CultureInfo.InvariantCulture)).ToList();
                if (recording.Element("size") is { } size && sizes.Count > 0)
                {
                    size.Value = sizes.Sum().ToString(CultureInfo.InvariantCulture);
                }
            }
        });

    /// <summary>Lists the first record at <paramref name="record"/> twice (a record ID given twice).</summary>
    public static Mutation DuplicateFirst(string call, string record) =>
        Xml($"first {record} listed twice in {call}", call, root =>
        {
            if (Select(root, record).FirstOrDefault() is { } first)
            {
                first.AddAfterSelf(new XElement(first));
            }
        });

    /// <summary>The meaning breaks, by the rule each one breaks (and no other new meaning rule, except where noted
    /// in the test that runs them).</summary>
    public static IReadOnlyList<(string RuleId, Mutation Break)> MeaningBreaks() =>
    [
        ("create/response/createTime#epoch-ms", ScaleValue("create", "createTime", -1000)),
        ("create/response/createTime#epoch-ms", ScaleValue("create", "createTime", 1000)),
        ("getMeetingInfo/response/createTime#epoch-ms", Relative("getMeetingInfo", "", "createTime", "createTime", -FortyYearsMs)),
        ("getMeetings/response/meetings/meeting/createTime#epoch-ms", ScaleValue("getMeetings", "meetings/meeting/createTime", -1000)),
        ("getMeetingInfo/response/startTime#epoch-ms", ScaleValue("getMeetingInfo", "startTime", 1000)),
        ("getMeetingInfo/response/endTime#epoch-ms", Relative("getMeetingInfo", "", "endTime", "startTime", 1)),
        ("getRecordings/response/recordings/recording/startTime#epoch-ms",
            Relative("getRecordings", "recordings/recording", "startTime", "startTime", -FortyYearsMs)),
        ("getRecordings/response/recordings/recording/endTime#epoch-ms", Relative("getRecordings", "recordings/recording", "endTime", "endTime", 3_650L * 24 * 3_600_000)),
        ("getMeetingInfo/response/startTime#not-before-create", Relative("getMeetingInfo", "", "startTime", "createTime", -5_000)),
        ("getRecordings/response/recordings/recording/endTime#not-before-start", Swap("getRecordings", "recordings/recording", "startTime", "endTime")),
        ("getStats/response/stats/meeting/participants/participant/leftTime#not-before-join",
            Relative("getStats", "stats/meeting/participants/participant", "leftTime", "joinTime", -1)),
        ("getStats/response/stats/meeting/participants/participant/joinTime#within-meeting",
            Relative("getStats", "stats/meeting", "participants/participant/joinTime", "startTime", -60_000)),
        ("getStats/response/stats/meeting/participants/participant/leftTime#within-meeting",
            Relative("getStats", "stats/meeting", "participants/participant/leftTime", "endTime", 60_000)),
        ("getStats/response/stats/meeting/endTime#not-before-start", Relative("getStats", "stats/meeting", "endTime", "startTime", -1)),
        ("getRecordings/response/recordings/recording/size#sum-of-formats", Offset("getRecordings", "recordings/recording/size", 1)),
        ("getRecordings/response/recordings/recording/playback/format/length#rounded-up-minutes",
            ScaleValue("getRecordings", "recordings/recording/playback/format/length", 60)),
        ("getMeetingInfo/response/moderatorCount#role-moderator", Offset("getMeetingInfo", "moderatorCount", 1)),
        ("getRecordings/response/recordings/recording/recordID#unique", DuplicateFirst("getRecordings", "recordings/recording")),
        ("getMeetings/response/meetings/meeting#unique", DuplicateFirst("getMeetings", "meetings/meeting")),
    ];
}
