using Mconf.Conformance.Model;
using Mconf.Conformance.NUnitAdapter;
using Mconf.Spec.Cases;

[assembly: LevelOfParallelism(4)]

namespace Mconf.Conformance.Suite;

/// <summary>The conformance suite: each test runs its case through the same engine path as the runner and maps
/// the verdict with <see cref="NUnitVerdict"/> (passed, failed with expected/got and the redacted exchange,
/// inconclusive with the reason, skipped and known-failing ignored; an Mconf-Live pass without a witness is
/// inconclusive, as it verifies nothing).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ConformanceTests
{
    private static readonly Dictionary<string, ConformanceCase> ById = CaseCatalog.All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    [TestCaseSource(typeof(SuiteCases), nameof(SuiteCases.Cases))]
    public async Task Conforms(string caseId)
    {
        var result = await SuiteTarget.Session.RunCaseAsync(ById[caseId]);
        foreach (var exchange in result.Evidence)
        {
            await TestContext.Out.WriteLineAsync($"{exchange.Method} {exchange.Url} -> HTTP {exchange.Status}");
        }

        // The verdict mapping the runner's delta table and a user's NUnit project share (NUnitVerdict).
        NUnitVerdict.Report(result);
    }
}
