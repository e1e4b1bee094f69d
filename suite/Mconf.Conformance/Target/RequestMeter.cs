using System.Runtime.CompilerServices;

namespace Mconf.Conformance.Target;

/// <summary>Counts every request a <see cref="TargetClient"/> sends and, with <see cref="RunOptions.MaxRequestsPerSecond"/>,
/// spaces them at least 1/rate apart (no burst: a production server never sees more than the rate in any second,
/// plus one). One meter per client, found through <see cref="Of"/>, so the client needs a single line to use it.</summary>
internal sealed class RequestMeter
{
    private static readonly ConditionalWeakTable<TargetClient, RequestMeter> Meters = [];

    private readonly TimeProvider _time;
    private readonly long _spacingTicks;
    private readonly Lock _lock = new();
    private long _sent;
    private long _nextFree;

    public RequestMeter(double? maxRequestsPerSecond, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (maxRequestsPerSecond is { } rate && (double.IsNaN(rate) || rate <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxRequestsPerSecond), "A request rate must be positive.");
        }

        _time = time;
        MaxRequestsPerSecond = maxRequestsPerSecond;
        _spacingTicks = maxRequestsPerSecond is { } r ? (long)(time.TimestampFrequency / r) : 0;
    }

    public double? MaxRequestsPerSecond { get; }

    /// <summary>Requests sent so far (each counted when it is let through).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The meter of <paramref name="client"/> (made on first use from the client's options).</summary>
    public static RequestMeter Of(TargetClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Meters.GetValue(client, c => new RequestMeter(c.Options.MaxRequestsPerSecond, c.Options.Time));
    }

    /// <summary>Waits for the request's turn under the rate limit, then counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_spacingTicks > 0)
        {
            long wait;
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                var at = Math.Max(now, _nextFree);
                _nextFree = at + _spacingTicks;
                wait = at - now;
            }

            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        Interlocked.Increment(ref _sent);
    }
}
