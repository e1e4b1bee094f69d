using System.Globalization;
using System.Text;

namespace Mconf.Mock.Verification;

/// <summary>Requests and verdicts of one call.</summary>
public sealed record CallTally(int Requests, int Passed, int Warned, int Failed);

/// <summary>The first request that showed a problem code.</summary>
public sealed record ProblemExample(string Code, ProblemSeverity Severity, long Sequence, string Call, string Message);

/// <summary>The client-conformance summary of the journal: how many requests passed, warned or failed, per call
/// and per problem, with the first example of each problem. <see cref="Verdict"/> is null when no request was
/// received (nothing to judge is not a pass).</summary>
public sealed record ClientReport(
    ClientVerdict? Verdict,
    int Requests,
    int Passed,
    int Warned,
    int Failed,
    int AnsweredByFaults,
    IReadOnlyDictionary<string, CallTally> Calls,
    IReadOnlyDictionary<string, int> Problems,
    IReadOnlyList<ProblemExample> Examples)
{
    /// <summary>One line, e.g. <c>fail: 12 requests, 9 passed, 1 warned, 2 failed (checksum-uppercase-hex x2)</c>.</summary>
    public string Summary =>
        Verdict is null
            ? "inconclusive: no API request was received"
            : string.Create(CultureInfo.InvariantCulture, $"{Verdict.Value.ToString().ToLowerInvariant()}: {Requests} requests, {Passed} passed, {Warned} warned, {Failed} failed")
                + (Problems.Count == 0 ? "" : " (" + string.Join(", ", Problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} x{p.Value}"))) + ")");

    internal static ClientReport Of(IReadOnlyList<ApiCallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var calls = new SortedDictionary<string, CallTally>(StringComparer.Ordinal);
        var problems = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<ProblemExample>();
        int passed = 0, warned = 0, failed = 0;
        foreach (var record in records)
        {
            var verdict = record.Verdict;
            passed += verdict == ClientVerdict.Pass ? 1 : 0;
            warned += verdict == ClientVerdict.Warn ? 1 : 0;
            failed += verdict == ClientVerdict.Fail ? 1 : 0;
            var key = record.Call.Length == 0 ? "(not an API path)" : record.Call;
            var tally = calls.GetValueOrDefault(key, new CallTally(0, 0, 0, 0));
            calls[key] = new CallTally(
                tally.Requests + 1,
                tally.Passed + (verdict == ClientVerdict.Pass ? 1 : 0),
                tally.Warned + (verdict == ClientVerdict.Warn ? 1 : 0),
                tally.Failed + (verdict == ClientVerdict.Fail ? 1 : 0));
            foreach (var problem in record.Problems)
            {
                if (problems.TryGetValue(problem.Code, out var count))
                {
                    problems[problem.Code] = count + 1;
                }
                else
                {
                    problems[problem.Code] = 1;
                    examples.Add(new ProblemExample(problem.Code, problem.Severity, record.Sequence, key, problem.Message));
                }
            }
        }

        ClientVerdict? overall = records.Count == 0 ? null : failed > 0 ? ClientVerdict.Fail : warned > 0 ? ClientVerdict.Warn : ClientVerdict.Pass;
        return new ClientReport(overall, records.Count, passed, warned, failed, records.Count(r => r.Fault is not null), calls, problems, examples);
    }

    /// <summary>A few lines for people: the summary, a table per call, then each problem with its first example.</summary>
    public string ToText()
    {
        var text = new StringBuilder().Append("Client conformance: ").AppendLine(Summary);
        foreach (var (call, tally) in Calls)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {call,-20} {tally.Requests,4} requests  {tally.Passed,4} pass  {tally.Warned,4} warn  {tally.Failed,4} fail").AppendLine();
        }

        foreach (var example in Examples)
        {
            text.Append(CultureInfo.InvariantCulture, $"  [{example.Severity.ToString().ToLowerInvariant()}] {example.Code} x{Problems[example.Code]} (first: #{example.Sequence} {example.Call}): {example.Message}").AppendLine();
        }

        if (AnsweredByFaults > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {AnsweredByFaults} requests were answered by injected faults.").AppendLine();
        }

        return text.ToString();
    }
}
