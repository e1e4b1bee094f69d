namespace Mconf.Mock.Engine;

/// <summary>The fake's clock: an inner <see cref="TimeProvider"/> plus an offset that only grows, so
/// "advance the clock" works whatever the inner clock is (the system clock, a frozen start instant, or a
/// test's FakeTimeProvider).</summary>
public sealed class ControllableClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    internal ControllableClock(TimeProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Total time added by <see cref="Advance"/>.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Always UTC, as the fake's answers are.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>The inner clock's time plus <see cref="Offset"/>.</summary>
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <summary>Milliseconds since the epoch, the unit of every BBB timestamp.</summary>
    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Moves the clock forward (never back) by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}

/// <summary>A clock that stands still at one instant (moved only through <see cref="ControllableClock.Advance"/>).</summary>
internal sealed class FrozenClock(DateTimeOffset instant) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => instant;
}
