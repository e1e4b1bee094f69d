using System.Globalization;

namespace Mconf.Mock.Faults;

/// <summary>One injected fault: which call (<c>*</c> for every API call), what happens, and when: always, only
/// for the next <see cref="Times"/> matching calls, and/or for <see cref="Percent"/> % of them (drawn from a
/// generator seeded from the fake's seed, so runs repeat). This is also the JSON body of <c>POST /fake/faults</c>:
/// <c>{"call":"getMeetings","kind":"status","status":503,"times":2}</c>.</summary>
public sealed record FaultSpec
{
    /// <summary><see cref="Call"/> of a fault that applies to every API call.</summary>
    public const string EveryCall = "*";

    /// <summary>Longest accepted latency: tests stay bounded.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>The API call it applies to (e.g. <c>getMeetings</c>), or <see cref="EveryCall"/>.</summary>
    public required string Call { get; init; }

    /// <summary>What happens to the matching calls.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>latency: milliseconds to wait before answering.</summary>
    public int? DelayMs { get; init; }

    /// <summary>status: the HTTP status (default 503).</summary>
    public int? Status { get; init; }

    /// <summary>status, malformed: the body to send instead of the default.</summary>
    public string? Body { get; init; }

    /// <summary>truncate: bytes of the answer to keep (default: half).</summary>
    public int? Bytes { get; init; }

    /// <summary>failed: the messageKey of the FAILED answer.</summary>
    public string? MessageKey { get; init; }

    /// <summary>failed: the message (default: the catalogue's message for the key, else a generic one).</summary>
    public string? Message { get; init; }

    /// <summary>Fire for the next N matching calls only, then stay inert. Null: no limit.</summary>
    public int? Times { get; init; }

    /// <summary>Fire for this percentage of matching calls (0 &lt; P ≤ 100), seeded. Null: every call.</summary>
    public double? Percent { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Call))
        {
            throw new ArgumentException("A fault needs a call name (or \"*\" for every call).", nameof(Call));
        }

        switch (Kind)
        {
            case FaultKind.Latency when DelayMs is not > 0 || TimeSpan.FromMilliseconds(DelayMs.Value) > MaxDelay:
                throw new ArgumentException($"A latency fault needs delayMs between 1 and {MaxDelay.TotalMilliseconds:0}.", nameof(DelayMs));
            case FaultKind.Status when Status is { } status && status is < 100 or > 599:
                throw new ArgumentException($"status must be an HTTP status (100..599), not {status}.", nameof(Status));
            case FaultKind.Truncate when Bytes is < 0:
                throw new ArgumentException("bytes must not be negative.", nameof(Bytes));
            case FaultKind.Failed when string.IsNullOrWhiteSpace(MessageKey):
                throw new ArgumentException("A failed fault needs a messageKey.", nameof(MessageKey));
            default:
                break;
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown fault kind {Kind}.", nameof(Kind));
        }

        if (Times is < 1)
        {
            throw new ArgumentException("times must be at least 1 (or absent for every call).", nameof(Times));
        }

        if (Percent is { } percent && (double.IsNaN(percent) || percent <= 0 || percent > 100))
        {
            throw new ArgumentException("percent must be in (0, 100] (or absent for every call).", nameof(Percent));
        }
    }

    /// <summary>e.g. <c>getMeetings: status 503, next 2 calls</c>.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            FaultKind.Latency => $"latency {DelayMs} ms",
            FaultKind.Status => $"status {Status ?? 503}",
            FaultKind.Drop => "drop the connection",
            FaultKind.Truncate => Bytes is { } bytes ? $"truncate to {bytes} bytes" : "truncate to half",
            FaultKind.Malformed => "malformed XML",
            FaultKind.Failed => $"FAILED {MessageKey}",
            _ => Kind.ToString(),
        };
        var when = (Times, Percent) switch
        {
            (null, null) => "every call",
            ({ } n, null) => $"next {n} calls",
            (null, { } p) => $"{p.ToString(CultureInfo.InvariantCulture)}% of calls",
            ({ } n, { } p) => $"{p.ToString(CultureInfo.InvariantCulture)}% of calls, {n} times at most",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Call}: {what}, {when}");
    }
}
