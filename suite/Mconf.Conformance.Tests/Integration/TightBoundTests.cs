namespace Mconf.Conformance.Tests.Integration;

/// <summary>At the tightest <c>--max-live-meetings</c> (the shared meeting, one short-lived fixture and one case's),
/// a fixture that kept its meetings after use would starve every later create for the ledger's two-minute slot wait.
/// The server clock's two meetings are the fixture that did: read first, they must leave their slots free.</summary>
public sealed class TightBoundTests
{
    [Test]
    [CancelAfter(90_000)]
    public async Task ClockReadingThenCreates_AtTheTightestBound_NoCaseWaitsForASlot()
    {
        using var target = BrokenTargets.StartFake();
        var options = SuiteRun.Options(target) with { MaxLiveMeetings = RunOptions.MinLiveMeetings, Parallelism = 1 };
        // The clock cases first (one at a time), then cases that each create meetings of their own.
        IReadOnlyList<ConformanceCase> cases =
        [
            .. CaseCatalog.All.Where(c => c.Kind == "epoch-ms"),
            .. CaseCatalog.All.Where(c => c.Id.StartsWith("error/idNotUnique", StringComparison.Ordinal) || c.Id.StartsWith("error/duplicateWarning", StringComparison.Ordinal)),
        ];

        var outcome = await SuiteRun.RunAsync(options, cases);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(cases.Count);
        outcome.Results.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }
}
