namespace Mconf.Conformance.Target;

/// <summary>How long a poll goes on: until a deadline on the run's clock, or for a number of attempts, with a
/// pause between attempts. The first attempt is never delayed, and the last is never followed by a pause.</summary>
internal sealed record PollLimits
{
    private PollLimits(TimeSpan? deadline, int? attempts, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        Deadline = deadline;
        MaxAttempts = attempts;
        Interval = interval;
    }

    /// <summary>No further attempt once this much time has passed since the first (null: bounded by attempts).</summary>
    public TimeSpan? Deadline { get; }

    /// <summary>At most this many attempts (null: bounded by the deadline).</summary>
    public int? MaxAttempts { get; }

    /// <summary>The pause between two attempts.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Attempts until <paramref name="deadline"/> has passed since the first; an attempt is still made
    /// when the deadline passes during a pause, so the last look is at or after the deadline.</summary>
    public static PollLimits For(TimeSpan deadline, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deadline, TimeSpan.Zero);
        return new(deadline, null, interval);
    }

    /// <summary>Exactly up to <paramref name="attempts"/> attempts, whatever the time they take.</summary>
    public static PollLimits Times(int attempts, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return new(null, attempts, interval);
    }
}

/// <summary>The last observation of a poll, whether it held, and after how many attempts the poll stopped.</summary>
internal sealed record Polled<T>(T Last, bool Held, int Attempts);

/// <summary>The suite's one poll loop: a live server shows what it was asked (an attendee, stats, a recording)
/// some time later, and every wait for it is bounded the same way and runs on the run's clock, so a test clock
/// drives it too.</summary>
internal static class Poll
{
    /// <summary>Observes until <paramref name="holds"/> is true of an observation or the limits are reached; the
    /// result keeps the last observation either way. Cancellation ends the poll with an exception.</summary>
    public static async Task<Polled<T>> UntilAsync<T>(Func<CancellationToken, Task<T>> observe, Func<T, bool> holds, PollLimits limits,
        TimeProvider time, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var attempts = 0;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var last = await observe(token).ConfigureAwait(false);
            attempts++;
            if (holds(last))
            {
                return new(last, true, attempts);
            }

            if (attempts >= limits.MaxAttempts || time.GetElapsedTime(started) >= limits.Deadline)
            {
                return new(last, false, attempts);
            }

            await Task.Delay(limits.Interval, time, token).ConfigureAwait(false);
        }
    }
}
