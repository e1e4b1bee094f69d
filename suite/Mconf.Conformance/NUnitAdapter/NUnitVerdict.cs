using Mconf.Conformance.Model;
using NUnit.Framework;

namespace Mconf.Conformance.NUnitAdapter;

/// <summary>What NUnit is told about a case: <see cref="Pass"/>, <see cref="Fail"/>, <see cref="Inconclusive"/> or
/// <see cref="Ignore"/> (shown as skipped, never as a failure).</summary>
public enum NUnitOutcome
{
    /// <summary>The test passes.</summary>
    Pass,
    /// <summary>The test fails.</summary>
    Fail,
    /// <summary>The test is inconclusive.</summary>
    Inconclusive,
    /// <summary>The test is ignored (shown as skipped).</summary>
    Ignore,
}

/// <summary>The one mapping of a case's verdict to NUnit, used by the kit's NUnit suite
/// (<c>suite/Mconf.Conformance.Suite</c>) and by a user's own test project, so both judge as the runner does:
/// passed is a pass, except an Mconf-Live pass that observed no value of its delta (<see cref="WitnessRule"/>: it
/// verifies nothing, as in the runner's delta table), which is inconclusive; inconclusive stays inconclusive;
/// skipped and known-failing (listed in <c>Run:KnownFailing</c>, allowed as the runner allows it; a stale entry comes
/// back as failed) are ignored; anything else fails with the case's message.
/// Needs NUnit 4 in the calling project: this package does not depend on NUnit, so the runner and projects on other
/// test frameworks carry none.</summary>
public static class NUnitVerdict
{
    /// <summary>The outcome and the message NUnit shows for <paramref name="result"/>.</summary>
    public static (NUnitOutcome Outcome, string Message) Map(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Verdict switch
        {
            Verdict.Passed when WitnessRule.NeedsWitness(result.Case) && !WitnessRule.Witnessed(result) =>
                (NUnitOutcome.Inconclusive, $"{result.Case.Id}: passed without observing a value of {result.Case.SpecId} (no witness), so it verifies nothing"),
            Verdict.Passed => (NUnitOutcome.Pass, result.Message),
            Verdict.Inconclusive => (NUnitOutcome.Inconclusive, result.Message),
            Verdict.Skipped => (NUnitOutcome.Ignore, result.Message),
            Verdict.KnownFailing => (NUnitOutcome.Ignore, result.Message),
            _ => (NUnitOutcome.Fail, result.Message),
        };
    }

    /// <summary>Ends the calling NUnit test with <paramref name="result"/>'s outcome (NUnit's Assert.Pass, Fail,
    /// Inconclusive or Ignore, which throw).</summary>
    public static void Report(CaseResult result)
    {
        var (outcome, message) = Map(result);
        switch (outcome)
        {
            case NUnitOutcome.Pass:
                Assert.Pass(message);
                break;
            case NUnitOutcome.Inconclusive:
                Assert.Inconclusive(message);
                break;
            case NUnitOutcome.Ignore:
                Assert.Ignore(message);
                break;
            default:
                Assert.Fail(message);
                break;
        }
    }
}
