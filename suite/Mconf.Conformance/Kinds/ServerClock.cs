using System.Globalization;
using System.Runtime.CompilerServices;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Kinds;

/// <summary>The server's own clock, read once per session: two meetings created <see cref="Gap"/> apart. Their
/// createTimes (specs/reference.md §3.1: <c>System.currentTimeMillis()</c>) must differ by the time that passed
/// on the client, in milliseconds (the rate of a clock, unlike its offset, is the same everywhere), and each must
/// name the instant its createDate (Java <c>Date.toString()</c>, the same clock) shows, to the second, give or
/// take a time zone. The second createTime, advanced by the client's elapsed time, is then the server's "now":
/// a server whose clock is hours off passes, a value in seconds or microseconds does not.</summary>
internal sealed record ServerClock(
    OwnMeeting First,
    OwnMeeting Second,
    long FirstCreateTime,
    long SecondCreateTime,
    long MinGapMs,
    long MaxGapMs,
    long ReadAt,
    string? Problem,
    IReadOnlyList<ApiAnswer> Answers)
{
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(800);

    /// <summary>Largest time-zone offset a createDate may show (UTC−12 to UTC+14).</summary>
    private const long MaxZoneMs = 14 * 3_600_000L;

    private const long QuarterHourMs = 900_000;

    private static readonly ConditionalWeakTable<ConformanceSession, Lazy<Task<ServerClock>>> Readings = new();

    /// <summary>The session's reading (taken on first use); its answers join the case's evidence.</summary>
    public static async Task<ServerClock> ReadAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.RequireLifecycle("reading the server's clock needs two meetings of the run's own");
        var session = ctx.Session;
        var lazy = Readings.GetValue(session, s => new Lazy<Task<ServerClock>>(() => TakeAsync(new CaseContext(s, null, s.Lifetime))));
        var clock = await lazy.Value.WaitAsync(ctx.Token).ConfigureAwait(false);
        ctx.RecordAll(clock.Answers);
        return clock;
    }

    /// <summary>The server's now, in its epoch milliseconds: the second createTime plus the time elapsed since.</summary>
    public long Now(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return SecondCreateTime + (long)ctx.Options.Time.GetElapsedTime(ReadAt).TotalMilliseconds;
    }

    private static async Task<ServerClock> TakeAsync(CaseContext ctx)
    {
        var time = ctx.Options.Time;
        var t0 = time.GetTimestamp();
        var first = await OwnMeetings.CreateAsync(ctx, "clock-a").ConfigureAwait(false);
        var t1 = time.GetTimestamp();
        await ctx.DelayAsync(Gap).ConfigureAwait(false);
        var t2 = time.GetTimestamp();
        var second = await OwnMeetings.CreateAsync(ctx, "clock-b").ConfigureAwait(false);
        var t3 = time.GetTimestamp();
        var a = long.Parse(Expect.Element(first.Create, "createTime", SpecType.Timestamp), CultureInfo.InvariantCulture);
        var b = long.Parse(Expect.Element(second.Create, "createTime", SpecType.Timestamp), CultureInfo.InvariantCulture);
        var minGap = (long)time.GetElapsedTime(t1, t2).TotalMilliseconds;
        var maxGap = (long)time.GetElapsedTime(t0, t3).TotalMilliseconds;
        var problem = UnitProblem(b - a, minGap, maxGap) ?? DateProblem(first.Create, a) ?? DateProblem(second.Create, b);
        // The reading needs the two create answers only: the meetings end now, so they hold no slot of
        // --max-live-meetings for the rest of the run (at the tightest bound the cases would starve).
        foreach (var meeting in new[] { first, second })
        {
            await ctx.CallAsync("end", ("meetingID", meeting.Id), ("password", meeting.ModeratorPW)).ConfigureAwait(false);
        }

        return new ServerClock(first, second, a, b, minGap, maxGap, t3, problem, ctx.Answers);
    }

    /// <summary>Why the difference of two createTimes is not the client's elapsed time in milliseconds, or null.
    /// The server handled the creates somewhere between the client's send and receive times, so the difference
    /// lies between the gaps; the bounds are halved and doubled (plus a second) for coarse clocks and slewing.</summary>
    public static string? UnitProblem(long difference, long minGapMs, long maxGapMs) =>
        difference >= (minGapMs / 2) - 50 && difference <= (maxGapMs * 2) + 1000
            ? null
            : $"two creates {Ms(minGapMs)}–{Ms(maxGapMs)} ms apart on the client have createTimes {Ms(difference)} apart (milliseconds expected)";

    /// <summary>Why createTime is not the instant createDate shows (to the second, in whole quarter hours of time
    /// zone; exactly for UTC/GMT), or why createDate is not Java's Date.toString() at all (specs/reference.md §3.1:
    /// <c>EEE MMM dd HH:mm:ss zzz yyyy</c>, English abbreviations whatever the locale, the weekday of that date), or
    /// null; null too when there is no createDate (the element case judges its presence).</summary>
    public static string? DateProblem(ApiAnswer create, long createTime)
    {
        ArgumentNullException.ThrowIfNull(create);
        var text = create.Xml?.Value("createDate") ?? create.Xml?.Value("meeting/createDate");
        if (text is null)
        {
            return null;
        }

        if (!TryParseJavaDate(text, out var shown, out var zone))
        {
            return $"createDate '{text}' is not Java's Date.toString() (EEE MMM dd HH:mm:ss zzz yyyy, e.g. 'Thu Sep 18 19:17:10 UTC 2014')";
        }

        var offset = shown - (Math.Floor(createTime / 1000.0) * 1000);
        var utc = zone is "UTC" or "GMT";
        return (utc ? offset == 0 : offset % QuarterHourMs == 0 && Math.Abs(offset) <= MaxZoneMs)
            ? null
            : $"createTime {Ms(createTime)} is not the instant createDate '{text}' shows ({Ms((long)offset)} ms apart{(utc ? "" : ", not a time-zone offset")})";
    }

    private static readonly string[] Weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Reads <c>EEE MMM dd HH:mm:ss zzz yyyy</c> as if its local time were UTC, in epoch milliseconds.
    /// Java writes the weekday and month as English abbreviations (Date.toString() ignores the locale), the weekday
    /// being that of the date shown: anything else is not its form.</summary>
    public static bool TryParseJavaDate(string text, out double epochMs, out string zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        epochMs = 0;
        zone = parts.Length == 6 ? parts[4] : "";
        if (parts.Length != 6 || !Months.Contains(parts[1], StringComparer.Ordinal)
            || !DateTime.TryParseExact($"{parts[1]} {parts[2]} {parts[3]} {parts[5]}", "MMM dd HH:mm:ss yyyy",
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var local)
            || parts[0] != Weekdays[(int)local.DayOfWeek])
        {
            return false;
        }

        epochMs = new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    private static string Ms(long value) => value.ToString(CultureInfo.InvariantCulture);
}
