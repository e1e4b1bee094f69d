using System.Globalization;
using System.Text;
using Mconf.Conformance.Explorer;
using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Cli;
using Mconf.Spec.Model;
using Mconf.Spec.Signing;
using Mconf.Spec.Cases;

namespace Mconf.Conformance.Runner;

/// <summary>One exploration as the run saw it: what was asked (sequences, budget, seed) and what came of it. The
/// outcome's failure, error and exchanges are already redacted by the explorer; the reports redact them again.</summary>
public sealed record ExplorationRun(
    int SequencesPlanned,
    long RequestBudget,
    ulong Seed,
    int MaxSteps,
    bool Presence,
    string MeetingPrefix,
    TimeSpan Duration,
    ExplorerOutcome Outcome);

/// <summary>The opt-in exploration tier (<c>--explore N</c>): after the cases, N random call sequences against the
/// same target, every meeting prefixed with the run's prefix and ID and ended afterwards, within a request budget.
/// Its outcome is one more case of the run, <see cref="CaseId"/>: failed (a broken invariant; the evidence is the
/// minimal sequence's exact requests and answers), inconclusive (the budget ran out, the target stopped answering,
/// the run was interrupted) or passed; so the run's one verdict, and every report, include it.</summary>
internal static class ExploreTier
{
    public const string CaseId = "explore/invariants";


    /// <summary>Requests one sequence may cost on average (its steps, the relation checks, its cleanup).</summary>
    public const int RequestsPerSequence = 40;

    /// <summary>The default meeting prefix (<c>Run:MeetingPrefix</c> changes it): explorer meetings have the kit's ID
    /// shape, so <c>cleanup</c> finds them.</summary>
    public const string MeetingPrefix = RunOptions.DefaultMeetingPrefix;

    private const string Requirement =
        "After every step of every sequence, each answer keeps the documents' invariants and the relations between calls hold: " +
        "counts against flags and attendees, getMeetings against getMeetingInfo, a meeting's identity (ID, createTime, internal ID, voice bridge) across calls, " +
        "stats after end, filtered and ID-list answers against the unfiltered and per-ID ones, recordings after publish and delete";

    public static async Task<ExplorationRun?> RunAsync(RunSettings settings, string url, string secret, string runId, TextWriter stdout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settings.Explore <= 0)
        {
            return null;
        }

        var options = new ExplorerOptions
        {
            TargetUrl = url,
            Secret = secret,
            MeetingPrefix = settings.Options.MeetingPrefix,
            RunTag = runId,
            Sequences = settings.Explore,
            RequestBudget = (long)settings.Explore * RequestsPerSequence,
            // Presence steps need the kit fake's control surface; a real server has none.
            Presence = settings.UsesEmbeddedFake,
            RequestTimeout = settings.Timeout,
            Seed = Fnv(runId),
        };
        await stdout.WriteLineAsync($"explore: {settings.Explore} random sequences, at most {options.RequestBudget} requests").ConfigureAwait(false);
        var started = time.GetTimestamp();
        ExplorerOutcome outcome;
        try
        {
            outcome = await Explorer.Explorer.RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // The explorer handles transport errors itself; anything else still must not pass for a clean run.
            outcome = new ExplorerOutcome(0, 0, false, null, []) { Error = Redactor.Redact($"{ex.GetType().Name}: {Reports.Judgement.OneLine(ex.Message)}", secret) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new ExplorerOutcome(0, 0, false, null, []) { Interrupted = true };
        }

        await stdout.WriteLineAsync($"explore: {outcome.SequencesRun} sequences, {outcome.Requests} requests{(outcome.BudgetSpent ? " (budget spent)" : "")}; " +
            (outcome.Failure is not null ? "an invariant broke" : outcome.Error is not null ? "stopped: " + outcome.Error : outcome.Interrupted ? "interrupted" : "every invariant held")).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            await stdout.WriteLineAsync(Redactor.Redact(failure.ToString(), secret)).ConfigureAwait(false);
        }

        if (outcome.Leftovers.Count > 0)
        {
            await stdout.WriteLineAsync(Redactor.Redact($"warning: the explorer could not end: {string.Join(", ", outcome.Leftovers)}", secret)).ConfigureAwait(false);
        }

        return new ExplorationRun(settings.Explore, options.RequestBudget, options.Seed, options.MaxSteps, options.Presence, options.MeetingPrefix, time.GetElapsedTime(started), outcome);
    }

    /// <summary>The exploration as a case of the run (before the known-failing list is applied).</summary>
    public static CaseResult Result(ExplorationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Outcome;
        var seed = run.Seed.ToString(CultureInfo.InvariantCulture);
        var held = o.SequencesRun == 0 ? "" : $"; every invariant held in the {o.SequencesRun} that ran";
        var (verdict, message) = o switch
        {
            { Failure: { } f } => (Verdict.Failed, $"{CaseId}: {f.Invariant}\n{Sequence(f)}\nseed {seed}: {o.SequencesRun} sequences run ({run.SequencesPlanned} planned; after a failure only smaller ones are tried), {o.Requests} requests (shrinking included)"),
            { Interrupted: true } => (Verdict.Inconclusive, $"{CaseId}: the run was interrupted after {o.SequencesRun} of {run.SequencesPlanned} sequences{held}"),
            { Error: { } e } => (Verdict.Inconclusive, $"{CaseId}: the exploration stopped, the target did not answer ({e}){held}"),
            _ when o.BudgetSpent || o.SequencesRun < run.SequencesPlanned =>
                (Verdict.Inconclusive, $"{CaseId}: the request budget ({run.RequestBudget}) ran out after {o.SequencesRun} of {run.SequencesPlanned} sequences{held}"),
            _ => (Verdict.Passed, $"{o.SequencesRun} sequences, {o.Requests} requests (seed {seed}): every invariant held"),
        };
        IReadOnlyList<Exchange> evidence = o.Failure is { } failure
            ? [.. failure.Trace.SelectMany(t => t.Exchanges).Select(e => new Exchange(e.Method, e.Url, e.Status, e.ContentType, e.Body))]
            : [];
        return new CaseResult(Case(run), verdict, message, run.Duration, evidence);
    }

    /// <summary>The explore case as the reports describe it.</summary>
    public static ConformanceCase Case(ExplorationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var calls = run.Presence ? "create, join, presence actions (the fake's control surface), end, publish, delete" : "create, join, end, publish, delete";
        return new ConformanceCase(
            CaseId,
            CaseId,
            Origin.MconfLive, // its sequences use getStats and meta_ filters: the Mconf-Live API as a whole
            "explore",
            "explore",
            "stateful random exploration: random call sequences keep every invariant",
            $"{run.SequencesPlanned} random sequences of at most {run.MaxSteps} steps ({calls}, getMeetings, getMeetingInfo, getRecordings and getStats with random ID lists and meta_ filters), " +
            $"seed {run.Seed.ToString(CultureInfo.InvariantCulture)}, at most {run.RequestBudget} requests, meetings prefixed {run.MeetingPrefix} and ended afterwards; a failing sequence is shrunk to a minimal one",
            Requirement,
            new SourceRef("reports/README.md", "Exploration", ""),
            CaseTier.Lifecycle,
            CaseArgs.None);
    }

    /// <summary>The minimal sequence, one step a line with its request lines and statuses (the evidence has the
    /// answers), so the step each exchange belongs to is plain.</summary>
    private static string Sequence(ExplorerFailure failure)
    {
        var text = new StringBuilder($"minimal sequence ({failure.Steps.Count} steps):");
        for (var i = 0; i < failure.Trace.Count; i++)
        {
            var step = failure.Trace[i];
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {step.Step}");
            foreach (var e in step.Exchanges)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n   {e.Method} {e.Url} -> {e.Status}");
            }

            if (step.Note is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n   ({step.Note})");
            }
        }

        return text.ToString();
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
}
