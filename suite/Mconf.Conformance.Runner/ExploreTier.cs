using Mconf.Conformance.Explorer;
using Mconf.Conformance.Runner.Cli;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Runner;

/// <summary>The opt-in exploration tier (<c>--explore N</c>): after the cases, N random call sequences against the
/// same target, every meeting prefixed with the run's prefix and ID and ended afterwards, within a request budget.
/// A broken invariant is printed as the minimal sequence's exact requests and answers (redacted) and makes the run
/// not conformant.</summary>
internal static class ExploreTier
{
    /// <summary>Requests one sequence may cost on average (its steps, the relation checks, its cleanup).</summary>
    public const int RequestsPerSequence = 40;

    public static async Task<ExplorerOutcome?> RunAsync(RunSettings settings, string url, string secret, string runId, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (settings.Explore <= 0)
        {
            return null;
        }

        var options = new ExplorerOptions
        {
            TargetUrl = url,
            Secret = secret,
            MeetingPrefix = "mconf-conformance-explore",
            RunTag = runId,
            Sequences = settings.Explore,
            RequestBudget = (long)settings.Explore * RequestsPerSequence,
            // Presence steps need the kit fake's control surface; a real server has none.
            Presence = settings.UsesEmbeddedFake,
            RequestTimeout = settings.Timeout,
            Seed = Fnv(runId),
        };
        await stdout.WriteLineAsync($"explore: {settings.Explore} random sequences, at most {options.RequestBudget} requests").ConfigureAwait(false);
        var outcome = await Explorer.Explorer.RunAsync(options, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"explore: {outcome.SequencesRun} sequences, {outcome.Requests} requests{(outcome.BudgetSpent ? " (budget spent)" : "")}; " +
            (outcome.Failure is null ? "every invariant held" : "an invariant broke")).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            await stdout.WriteLineAsync(Redactor.Redact(failure.ToString(), secret)).ConfigureAwait(false);
        }

        if (outcome.Leftovers.Count > 0)
        {
            await stdout.WriteLineAsync(Redactor.Redact($"warning: the explorer could not end: {string.Join(", ", outcome.Leftovers)}", secret)).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>A stable seed from the run ID (FNV-1a), so a reported run can be explored again the same way.</summary>
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The run's exit code, made not conformant when the explorer broke an invariant.</summary>
    public static async Task<int> CloseAsync(int exitCode, ExplorerOutcome? explored, TextWriter stdout)
    {
        if (explored?.Failure is null || exitCode == ExitCodes.CouldNotRun)
        {
            return exitCode;
        }

        await stdout.WriteLineAsync($"not conformant: the explorer broke an invariant: {explored.Failure.Invariant}").ConfigureAwait(false);
        return ExitCodes.NotConformant;
    }
}
