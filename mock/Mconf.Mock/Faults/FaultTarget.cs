namespace Mconf.Mock.Faults;

/// <summary>The fluent way to register a fault: <c>fake.Faults.For("getMeetings").Next(2).Status(503)</c>.
/// <see cref="Next"/> and <see cref="Percent"/> narrow when it fires; the kind methods register it.</summary>
public sealed class FaultTarget
{
    private readonly FakeFaults _faults;
    private readonly string _call;
    private readonly int? _times;
    private readonly double? _percent;

    internal FaultTarget(FakeFaults faults, string call, int? times = null, double? percent = null)
    {
        _faults = faults;
        _call = call;
        _times = times;
        _percent = percent;
    }

    /// <summary>Only the next <paramref name="calls"/> matching calls.</summary>
    public FaultTarget Next(int calls) => new(_faults, _call, calls, _percent);

    /// <summary>Only this percentage of matching calls (seeded from the fake's seed).</summary>
    public FaultTarget Percent(double percent) => new(_faults, _call, _times, percent);

    /// <summary>The normal answer, late.</summary>
    public Fault Latency(TimeSpan delay) => Add(FaultKind.Latency, s => s with { DelayMs = checked((int)Math.Ceiling(delay.TotalMilliseconds)) });

    /// <summary>An HTTP error (default 503) with an HTML error page or <paramref name="body"/>.</summary>
    public Fault Status(int status = 503, string? body = null) => Add(FaultKind.Status, s => s with { Status = status, Body = body });

    /// <summary>The connection closes with no answer.</summary>
    public Fault Drop() => Add(FaultKind.Drop, s => s);

    /// <summary>The normal answer cut after <paramref name="bytes"/> bytes (default: half).</summary>
    public Fault Truncate(int? bytes = null) => Add(FaultKind.Truncate, s => s with { Bytes = bytes });

    /// <summary>HTTP 200 with XML that does not parse (or <paramref name="body"/>).</summary>
    public Fault Malformed(string? body = null) => Add(FaultKind.Malformed, s => s with { Body = body });

    /// <summary>A FAILED answer with this messageKey (and message; default: the catalogue's).</summary>
    public Fault Failed(string messageKey, string? message = null) => Add(FaultKind.Failed, s => s with { MessageKey = messageKey, Message = message });

    private Fault Add(FaultKind kind, Func<FaultSpec, FaultSpec> configure) =>
        _faults.Add(configure(new FaultSpec { Call = _call, Kind = kind, Times = _times, Percent = _percent }));
}
