using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Conformance.Runner.Cli;
using Mconf.Conformance.Runner.Console;
using Mconf.Conformance.Runner.Reports;
using Mconf.Mock;
using Mconf.Spec.Signing;
using Mconf.Spec.Cases;

namespace Mconf.Conformance.Runner;

/// <summary>One certification: load the known-failing list, start the embedded fake unless a target is given, run
/// the engine with a progress line per case, write the reports, print the closing line, return the exit code.</summary>
internal static class Certification
{
    public static async Task<int> RunAsync(RunSettings settings, TextWriter stdout, TextWriter stderr, RunnerContext context, CancellationToken cancellationToken)
    {
        var knownFailing = KnownFailingList.Empty;
        if (settings.KnownFailingFile is { } file)
        {
            try
            {
                knownFailing = KnownFailingList.Load(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return Runner.CouldNotRun(stderr, ex is InvalidDataException ? $"known-failing file: {ex.Message}" : $"cannot read the known-failing file {file}: {ex.Message}");
            }
        }

        // The one selection of the run: counted and printed here, run as it is by the engine. In the read-only tier
        // the engine still reports lifecycle cases, as skipped: they are counted.
        var selected = CaseCatalog.Select(settings.Only, settings.Skip);
        if (selected.Count == 0)
        {
            return Runner.CouldNotRun(stderr, "no case ran: the selection (--only, --skip) matched no case");
        }

        var ids = CaseCatalog.All.Concat(SessionCases.All).Select(c => c.Id).Append(ExploreTier.CaseId).ToList();
        foreach (var entry in knownFailing.Unmatched(ids))
        {
            await stderr.WriteLineAsync($"warning: known-failing entry '{entry.Pattern}' ({entry.Where(knownFailing.Source)}) matches no case of this kit").ConfigureAwait(false);
        }

        FakeMconfServer? fake = null;
        try
        {
            string url;
            string secret;
            if (settings.UsesEmbeddedFake)
            {
                try
                {
                    fake = StartFake(settings, stderr);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return Runner.CouldNotRun(stderr, $"the embedded fake did not start: {Judgement.OneLine(ex.Message)}");
                }

                (url, secret) = (fake.BaseUrl, fake.Secret);
            }
            else
            {
                (url, secret) = (settings.TargetUrl!, settings.Secret!);
            }

            // The same mapping from settings to the engine's options as the NUnit suite's (ConformanceOptions.ToRunOptions).
            var options = settings.Options.ToRunOptions(url, secret, settings.UsesEmbeddedFake, context.Time, knownFailing) with
            {
                Presence = Presence(settings, stdout, secret, context),
            };
            var runId = options.RunId;
            var what = settings.UsesEmbeddedFake ? $"embedded fake, {settings.FakeFlavour ?? "mconf-live"}" : "target";
            await stdout.WriteLineAsync(Redactor.Redact($"mconf-conformance {Runner.KitVersion}: certifying {url} ({what})", secret)).ConfigureAwait(false);
            await stdout.WriteLineAsync($"run {runId}: {selected.Count} cases, checksum {settings.Checksum.Name()}, tier {settings.Tier.Name()}, {settings.Parallelism} in parallel, timeout {settings.Timeout.TotalSeconds:0.#} s").ConfigureAwait(false);

            var total = selected.Count + (settings.HasPresence ? SessionCases.All.Count : 0) + (settings.Explore > 0 ? 1 : 0);
            var printer = new ProgressPrinter(stdout, secret, total);
            RunOutcome outcome;
            try
            {
                outcome = await ConformanceEngine.RunSelectedAsync(options, selected, printer.Print, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = new RunOutcome(runId, context.Time.GetUtcNow(), TimeSpan.Zero, null, [], "The run was interrupted before it reached the target.") { Interrupted = true };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Runner.CouldNotRun(stderr, Redactor.Redact($"internal error: {ex.GetType().Name}: {Judgement.OneLine(ex.Message)}", secret));
            }

            // An interrupted run reports at once: no exploration after a signal, nor on a target the run could not judge.
            var explored = outcome.Interrupted || outcome.AbortReason is not null
                ? null
                : await ExploreTier.RunAsync(settings, url, secret, runId, stdout, context.Time, cancellationToken).ConfigureAwait(false);
            CaseResult? exploreCase = null;
            if (explored is not null)
            {
                // The exploration is one more case: the known-failing list, the totals, the verdict and every report
                // take it like the others, so the run has one verdict.
                exploreCase = knownFailing.Apply(ExploreTier.Result(explored));
                printer.Print(exploreCase);
                outcome = outcome with
                {
                    Results = [.. outcome.Results, exploreCase],
                    Interrupted = outcome.Interrupted || explored.Outcome.Interrupted,
                };
            }

            return await ReportAsync(settings, outcome, total, secret, stdout, stderr, context.Colour, explored, exploreCase).ConfigureAwait(false);
        }
        finally
        {
            fake?.Dispose();
        }
    }

    /// <summary>After the engine: the known-failing list applied, the verdict, the reports, the closing line.</summary>
    private static async Task<int> ReportAsync(RunSettings settings, RunOutcome outcome, int selected, string secret, TextWriter stdout, TextWriter stderr, bool colour,
        ExplorationRun? explored, CaseResult? exploreCase)
    {
        var results = outcome.Results;
        if (outcome.EarlierRunMeetings.Count > 0)
        {
            var earlier = outcome.EarlierRunMeetings.Select(m => new EarlierMeetingRecord(m.MeetingId, m.RunId,
                m.AgeAt(outcome.StartedAt) is { } age ? Math.Max(0, age.TotalSeconds) : null)).ToList();
            await stderr.WriteLineAsync(Redactor.Redact($"warning: {FootprintText.Earlier(earlier)} (mconf-conformance cleanup --target URL --dry-run lists them)", secret)).ConfigureAwait(false);
        }

        if (outcome.LeftoverMeetings.Count > 0)
        {
            await stderr.WriteLineAsync(Redactor.Redact(
                $"warning: {outcome.LeftoverMeetings.Count} meeting(s) of this run are still listed by the target after cleanup: {string.Join(", ", outcome.LeftoverMeetings)}", secret)).ConfigureAwait(false);
        }

        var abortReason = outcome.AbortReason is null ? null : Redactor.Redact(outcome.AbortReason, secret);
        var selection = new RunSelection(
            settings.Tier.Name(),
            settings.Checksum.Name(),
            settings.Only,
            settings.Skip,
            settings.KnownFailingFile,
            settings.Timeout.TotalSeconds,
            settings.Parallelism);
        var builder = new ResultsDocumentBuilder(Runner.KitVersion, secret);
        var document = builder.Build(outcome, results, deltas => outcome.Interrupted
            ? Judgement.Interrupted(results, selected, outcome.LeftoverMeetings.Count)
            : Judgement.Of(abortReason, results, deltas, settings.RequireComplete), selection, CaseCatalog.All) with { CasesSelected = selected };
        if (explored is not null && exploreCase is not null)
        {
            document = document with { Exploration = builder.Exploration(explored, exploreCase) };
        }

        if (document.Footprint is { } footprint)
        {
            await stdout.WriteLineAsync($"footprint: {FootprintText.Of(footprint)}").ConfigureAwait(false);
        }

        if (outcome.Presence is { } presence)
        {
            await stdout.WriteLineAsync($"presence session ({presence.Mode}): {presence.DurationSeconds:0.0} s; " +
                string.Join(", ", document.Presence!.Steps.Select(s => $"{s.Action} {s.Status.Text()} ({s.VerifiedDeltas.Count} deltas)"))).ConfigureAwait(false);
        }

        if (document.Verdict == RunVerdict.Incomplete)
        {
            await stdout.WriteLineAsync("unverified Mconf-Live deltas:").ConfigureAwait(false);
            foreach (var delta in document.Deltas.Where(d => !d.Verified))
            {
                await stdout.WriteLineAsync($"  {delta.Id}: {delta.Reason}\n      verify with: {delta.VerifyWith}").ConfigureAwait(false);
            }
        }
        try
        {
            var folder = ReportFolder.Write(document, settings.OutDirectory);
            await stdout.WriteLineAsync($"reports: {folder}").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Runner.CouldNotRun(stderr, $"cannot write the reports under {settings.OutDirectory}: {Judgement.OneLine(ex.Message)}");
        }

        // The closing line is the document's (already redacted) summary.
        if (document.ExitCode is ExitCodes.CouldNotRun or ExitCodes.Interrupted)
        {
            await stderr.WriteLineAsync(document.Summary).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync(colour ? Colour(document.Verdict, document.Summary) : document.Summary).ConfigureAwait(false);
        }

        return document.ExitCode;
    }

    // ANSI colours: green conformant, yellow incomplete, red not conformant.
    private static string Colour(RunVerdict verdict, string line) => verdict switch
    {
        RunVerdict.Conformant => $"\u001b[32m{line}\u001b[0m",
        RunVerdict.Incomplete or RunVerdict.Interrupted => $"\u001b[33m{line}\u001b[0m",
        _ => $"\u001b[31m{line}\u001b[0m",
    };

    /// <summary>The presence session's options: a driver program, or a person at the console; null: no session.</summary>
    private static PresenceOptions? Presence(RunSettings settings, TextWriter stdout, string secret, RunnerContext context)
    {
        if (!settings.HasPresence)
        {
            return null;
        }

        IPresenceActor actor = settings.PresenceDriver is { } driver
            ? new DriverActor(driver, settings.PresenceTimeout)
            : new GuidedActor(context.Input ?? System.Console.In, stdout);
        return new PresenceOptions
        {
            Actor = actor,
            Mode = settings.PresenceDriver is null ? "guided" : "driver",
            StepTimeout = settings.PresenceTimeout,
            Skip = settings.PresenceSkip,
            RecordingsWait = settings.RecordingsWait,
            Progress = line => stdout.WriteLine(Redactor.Redact(line, secret)),
        };
    }

    /// <summary>The embedded fake as the conformance target (<see cref="Hosting.EmbeddedFake"/>, as the NUnit suite starts
    /// it); its handler failures are shown on stderr, redacted, one line each.</summary>
    private static FakeMconfServer StartFake(RunSettings settings, TextWriter stderr) =>
        Hosting.EmbeddedFake.Start(settings.FakeFlavour, message => stderr.WriteLine(Judgement.OneLine(message)));
}
