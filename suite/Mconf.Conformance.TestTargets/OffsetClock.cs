namespace Mconf.Conformance.TestTargets;

/// <summary>A server clock <paramref name="offset"/> away from the system clock: a legitimately skewed server (its
/// every timestamp, createDate included, shifted alike).</summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
