using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Conformance.Target;

namespace Mconf.Conformance;

/// <summary>Runs a selection of cases against one target: preflight (one clear abort reason), the cases (in parallel
/// up to <see cref="RunOptions.Parallelism"/>), and cleanup of every meeting the run created, also on cancellation.</summary>
public static class ConformanceEngine
{
    public static Task<RunOutcome> RunAsync(RunOptions options, Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default) =>
        RunAsync(options, null, onResult, cancellationToken);

    /// <summary>As <see cref="RunAsync(RunOptions, Action{CaseResult}?, CancellationToken)"/>, over the given cases
    /// instead of the embedded catalogue (the selection globs still apply).</summary>
    public static async Task<RunOutcome> RunAsync(RunOptions options, IReadOnlyList<ConformanceCase>? cases, Action<CaseResult>? onResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = options.Time.GetUtcNow();
        var started = options.Time.GetTimestamp();
        IReadOnlyList<ConformanceCase> selected;
        try
        {
            selected = CaseCatalog.Select(cases ?? CaseCatalog.All, options.Only, options.Skip);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            return Abort(ex.Message);
        }

        if (selected.Count == 0)
        {
            return Abort("No case matches the selection (--only/--skip).");
        }

        ConformanceSession session;
        try
        {
            session = await ConformanceSession.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (PreflightFailed ex)
        {
            return Abort(ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Abort("The run was cancelled during the preflight.");
        }

        var results = new CaseResult?[selected.Count];
        var gate = new Lock();
        string? abort = null;
        IReadOnlyList<string> leftovers;
        PresenceSession.Outcome? presence = null;
        await using (session.ConfigureAwait(false))
        {
            try
            {
                // The session goes first: the stats and the recording it leaves are then there for the cases to observe.
                if (options.Presence is { } presenceOptions)
                {
                    presence = await PresenceSession.RunAsync(session, presenceOptions, cancellationToken).ConfigureAwait(false);
                    foreach (var result in presence.Results)
                    {
                        onResult?.Invoke(options.KnownFailing.Apply(result));
                    }
                }

                await Parallel.ForAsync(0, selected.Count,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        var result = await session.RunCaseAsync(selected[i], token).ConfigureAwait(false);
                        lock (gate)
                        {
                            results[i] = result;
                            onResult?.Invoke(result);
                        }
                    }).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                abort = "The run was cancelled; the cases that finished are reported and the run's meetings were ended.";
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), options.Time);
            try
            {
                leftovers = await session.CleanupAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                leftovers = [.. session.Ledger.MeetingIds];
            }
        }

        IEnumerable<CaseResult> sessionResults = presence?.Results.Select(options.KnownFailing.Apply) ?? [];
        return new RunOutcome(options.RunId, startedAt, options.Time.GetElapsedTime(started), session.Fingerprint, [.. sessionResults, .. results.OfType<CaseResult>()], abort)
        {
            LeftoverMeetings = leftovers,
            Presence = presence?.Report,
            Timings = session.Timings,
        };

        RunOutcome Abort(string reason) =>
            new(options.RunId, startedAt, options.Time.GetElapsedTime(started), null, [], Redact(reason, options.Secret));
    }

    private static string Redact(string text, string secret) => Mconf.Spec.Signing.Redactor.Redact(text, secret);
}
