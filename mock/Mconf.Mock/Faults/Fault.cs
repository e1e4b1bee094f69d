namespace Mconf.Mock.Faults;

/// <summary>A registered fault: its ID (<c>f1</c>, <c>f2</c>, ...), its spec, and how often it matched and fired.
/// Evaluated in registration order: for each request the first fault of the call that fires answers it; a
/// request no fault fires for gets the normal answer.</summary>
public sealed class Fault
{
    private readonly Random _random;
    private readonly FakeFaults _owner;
    private int _matched;
    private int _fired;

    internal Fault(string id, FaultSpec spec, int seed, FakeFaults owner)
    {
        Id = id;
        Spec = spec;
        _random = new Random(seed);
        _owner = owner;
    }

    /// <summary>The fault's handle (<c>f1</c>, <c>f2</c>, ...), for listing and removing it.</summary>
    public string Id { get; }

    /// <summary>What the fault does and when.</summary>
    public FaultSpec Spec { get; }

    /// <summary>Requests this fault was considered for.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>Requests it answered.</summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>Firings left when <see cref="FaultSpec.Times"/> is set; null otherwise.</summary>
    public int? Remaining => Spec.Times is { } times ? Math.Max(0, times - Fired) : null;

    /// <summary>False once the fault fired <see cref="FaultSpec.Times"/> times or was removed.</summary>
    public bool Active => !Removed && Remaining is not 0;

    internal bool Removed { get; set; }

    /// <summary>Removes the fault (its call answers normally again unless another fault applies).</summary>
    public bool Remove() => _owner.Remove(Id);

    /// <summary>Called under the registry's lock, in request order, so percentages repeat run to run.</summary>
    internal bool TryFire()
    {
        if (!Active)
        {
            return false;
        }

        _matched++;
        if (Spec.Percent is { } percent && _random.NextDouble() * 100 >= percent)
        {
            return false;
        }

        _fired++;
        return true;
    }

    /// <summary>The fault in one line: handle, description and how often it matched and fired.</summary>
    public override string ToString() => $"{Id} {Spec.Describe()} (fired {Fired}/{Matched})";
}
