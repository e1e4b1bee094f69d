using System.Globalization;
using Mconf.Conformance.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>How fast the target answered: the preflight's latency, the budgets derived from it and the slowest calls
/// (each request line redacted). Operators of a big server find it useful in itself.</summary>
public sealed record TargetSpeed(double? LatencyMs, double CallBudgetSeconds, double ListCallBudgetSeconds, long Requests, IReadOnlyList<SlowCall> Slowest)
{
    public static TargetSpeed? Of(TargetTimings timings, Func<string, string> redact)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(redact);
        return timings.Requests == 0 && timings.Latency is null
            ? null
            : new TargetSpeed(
                timings.Latency is { } l ? Math.Round(l.TotalMilliseconds, 1) : null,
                timings.CallBudget.TotalSeconds,
                timings.ListCallBudget.TotalSeconds,
                timings.Requests,
                [.. timings.Slowest.Select(t => new SlowCall(t.Call, redact(t.Request), Math.Round(t.Duration.TotalMilliseconds, 1), t.Bytes, t.Ended))]);
    }

    /// <summary>"latency 1.2 ms; budgets 10 s per call, 120 s per unfiltered list; 812 requests".</summary>
    public string Line() =>
        string.Create(CultureInfo.InvariantCulture,
            $"latency {(LatencyMs is { } l ? $"{l:0.#} ms" : "not measured")}; budgets {CallBudgetSeconds:0.#} s per call, {ListCallBudgetSeconds:0.#} s per unfiltered list; {Requests} requests");

    /// <summary>"getRecordings 1830 ms (92,000,000 bytes)" for the slowest few.</summary>
    public string SlowestText(int count) =>
        string.Join(", ", Slowest.Take(count).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{(s.Call.Length == 0 ? "API root" : s.Call)} {s.Milliseconds:0} ms ({s.Bytes:N0} bytes{(s.Ended == "answered" ? "" : ", " + s.Ended)})")));
}

/// <summary>One slow exchange: the call, its redacted request line, its duration, its size and how it ended.</summary>
public sealed record SlowCall(string Call, string Request, double Milliseconds, long Bytes, string Ended);
