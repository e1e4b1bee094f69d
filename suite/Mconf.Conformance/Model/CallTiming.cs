namespace Mconf.Conformance.Model;

/// <summary>One of the target's slowest answers: the redacted request line, how long the whole exchange took (body
/// included), the bytes read and how it ended (<c>answered</c>, or the limit that cut it off).</summary>
public sealed record CallTiming(string Call, string Request, TimeSpan Duration, long Bytes, string Ended);

/// <summary>How fast the target answered the run: the preflight's measured latency, the budgets the run derived
/// from it, and the slowest calls (operators of a big server find these useful in themselves).</summary>
public sealed record TargetTimings(TimeSpan? Latency, TimeSpan CallBudget, TimeSpan ListCallBudget, long Requests, IReadOnlyList<CallTiming> Slowest)
{
    /// <summary>No timings (a run that never reached the target).</summary>
    public static readonly TargetTimings None = new(null, TimeSpan.Zero, TimeSpan.Zero, 0, []);
}
