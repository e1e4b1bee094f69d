using System.Security.Cryptography;
using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Cli;
using Mconf.Conformance.Runner.Console;
using Mconf.Conformance.Runner.Reports;
using Mconf.Mock;
using Mconf.Spec.Signing;

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

        // In the read-only tier the engine still reports lifecycle cases, as skipped: count them.
        var selected = CaseCatalog.Select(settings.Only, settings.Skip);
        if (selected.Count == 0)
        {
            return Runner.CouldNotRun(stderr, "no case ran: the selection (--only, --skip) matched no case");
        }

        var ids = CaseCatalog.All.Select(c => c.Id).ToList();
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

            var runId = NewRunId(context.Time);
            var options = new RunOptions
            {
                TargetUrl = url,
                Secret = secret,
                Checksum = settings.Checksum,
                RequestTimeout = settings.Timeout,
                RunId = runId,
                Tier = settings.Tier,
                Only = settings.Only,
                Skip = settings.Skip,
                Parallelism = settings.Parallelism,
                Embedded = settings.UsesEmbeddedFake,
            };
            var what = settings.UsesEmbeddedFake ? $"embedded fake, {settings.FakeFlavour ?? "mconf-live"}" : "target";
            await stdout.WriteLineAsync(Redactor.Redact($"mconf-conformance {Runner.KitVersion}: certifying {url} ({what})", secret)).ConfigureAwait(false);
            await stdout.WriteLineAsync($"run {runId}: {selected.Count} cases, checksum {settings.Checksum.Name()}, tier {settings.Tier}, {settings.Parallelism} in parallel, timeout {settings.Timeout.TotalSeconds:0.#} s").ConfigureAwait(false);

            var printer = new ProgressPrinter(stdout, secret, selected.Count);
            RunOutcome outcome;
            try
            {
                outcome = await ConformanceEngine.RunAsync(options, r => printer.Print(knownFailing.Apply(r)), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Runner.CouldNotRun(stderr, "interrupted");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Runner.CouldNotRun(stderr, Redactor.Redact($"internal error: {ex.GetType().Name}: {Judgement.OneLine(ex.Message)}", secret));
            }

            return await ReportAsync(settings, outcome, knownFailing, secret, stdout, stderr).ConfigureAwait(false);
        }
        finally
        {
            fake?.Dispose();
        }
    }

    /// <summary>After the engine: the known-failing list applied, the verdict, the reports, the closing line.</summary>
    private static async Task<int> ReportAsync(RunSettings settings, RunOutcome outcome, KnownFailingList knownFailing, string secret, TextWriter stdout, TextWriter stderr)
    {
        var results = outcome.Results.Select(knownFailing.Apply).ToList();
        if (outcome.LeftoverMeetings.Count > 0)
        {
            await stderr.WriteLineAsync(Redactor.Redact(
                $"warning: {outcome.LeftoverMeetings.Count} meeting(s) of this run are still listed by the target after cleanup: {string.Join(", ", outcome.LeftoverMeetings)}", secret)).ConfigureAwait(false);
        }

        var judgement = Judgement.Of(outcome.AbortReason is null ? null : Redactor.Redact(outcome.AbortReason, secret), results);
        var selection = new RunSelection(
            settings.Tier,
            settings.Checksum.Name(),
            settings.Only,
            settings.Skip,
            settings.KnownFailingFile,
            settings.Timeout.TotalSeconds,
            settings.Parallelism);
        var document = new ResultsDocumentBuilder(Runner.KitVersion, secret).Build(outcome, results, judgement, selection, CaseCatalog.All);
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
        if (judgement.ExitCode == ExitCodes.CouldNotRun)
        {
            await stderr.WriteLineAsync(document.Summary).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync(document.Summary).ConfigureAwait(false);
        }

        return judgement.ExitCode;
    }

    /// <summary>The embedded fake as the conformance target: loopback, free port, fixed seed, users connected at
    /// join; no admin interface; its handler failures are shown on stderr, redacted.</summary>
    private static FakeMconfServer StartFake(RunSettings settings, TextWriter stderr)
    {
        var options = new FakeServerOptions
        {
            Port = 0,
            AutoConnect = true,
            Seed = 42,
            Flavour = settings.FakeFlavour ?? FakeServerOptions.MconfLive,
            AdminInterface = false,
        };
        var secret = options.Secret;
        options.Log = message => stderr.WriteLine(Redactor.Redact(Judgement.OneLine(message), secret));
        return FakeMconfServer.Start(options);
    }

    private static string NewRunId(TimeProvider time) =>
        $"{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
}
