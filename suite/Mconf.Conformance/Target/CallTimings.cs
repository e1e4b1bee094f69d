using Mconf.Conformance.Model;

namespace Mconf.Conformance.Target;

/// <summary>Keeps the <see cref="Keep"/> slowest exchanges of a run (thread-safe, bounded whatever the run's size).</summary>
internal sealed class CallTimings
{
    public const int Keep = 10;

    private readonly Lock _gate = new();
    private readonly List<CallTiming> _slowest = [];
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public void Add(CallTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            if (_slowest.Count == Keep && _slowest[^1].Duration >= timing.Duration)
            {
                return;
            }

            var at = _slowest.FindIndex(t => t.Duration < timing.Duration);
            _slowest.Insert(at < 0 ? _slowest.Count : at, timing);
            if (_slowest.Count > Keep)
            {
                _slowest.RemoveAt(Keep);
            }
        }
    }

    public IReadOnlyList<CallTiming> Slowest
    {
        get
        {
            lock (_gate)
            {
                return [.. _slowest];
            }
        }
    }
}
