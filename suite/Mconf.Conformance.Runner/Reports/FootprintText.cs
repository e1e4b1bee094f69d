using System.Globalization;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>The footprint and earlier-run lines, worded once for the console and every report.</summary>
public static class FootprintText
{
    public static string Of(FootprintRecord footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var rate = footprint.MaxRequestsPerSecond is { } r ? $" (at most {r.ToString("0.##", CultureInfo.InvariantCulture)}/s)" : "";
        return $"{footprint.MeetingsCreated} meetings created, at most {footprint.MaxLiveMeetings} live at once (bound {footprint.MaxLiveBound}), {footprint.RequestsSent} requests sent{rate}";
    }

    public static string Earlier(IReadOnlyList<EarlierMeetingRecord> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var runs = meetings.GroupBy(m => m.RunId, StringComparer.Ordinal)
            .Select(g => $"run {g.Key}: {g.Count()} ({Age(g.Max(m => m.AgeSeconds))})");
        return $"{meetings.Count} meeting(s) of {meetings.Select(m => m.RunId).Distinct(StringComparer.Ordinal).Count()} earlier run(s), left running: {string.Join("; ", runs)}; the cleanup command ends them";
    }

    public static string Age(double? seconds) => seconds switch
    {
        null => "age unknown",
        < 120 => $"{seconds.Value.ToString("0", CultureInfo.InvariantCulture)} s old",
        < 7200 => $"{(seconds.Value / 60).ToString("0", CultureInfo.InvariantCulture)} min old",
        < 172800 => $"{(seconds.Value / 3600).ToString("0.#", CultureInfo.InvariantCulture)} h old",
        _ => $"{(seconds.Value / 86400).ToString("0.#", CultureInfo.InvariantCulture)} days old",
    };
}
