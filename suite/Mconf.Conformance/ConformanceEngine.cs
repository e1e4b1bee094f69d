using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Conformance.Target;
using Mconf.Spec.Cases;

namespace Mconf.Conformance;

/// <summary>Runs a selection of cases against one target: preflight (one clear abort reason), the cases (in parallel
/// up to <see cref="RunOptions.Parallelism"/>), and cleanup of every meeting the run created, also on cancellation.</summary>
public static class ConformanceEngine
{
    /// <summary>Runs the embedded cases the options select, calling <paramref name="onResult"/> as each finishes; a run that cannot start or finish returns its abort reason in the outcome.</summary>
    public static Task<RunOutcome> RunAsync(RunOptions options, Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default) =>
        RunAsync(options, null, onResult, cancellationToken);

    /// <summary>As <see cref="RunAsync(RunOptions, Action{CaseResult}?, CancellationToken)"/>, over the given cases
    /// instead of the embedded catalogue (the selection globs still apply).</summary>
    internal static Task<RunOutcome> RunAsync(RunOptions options, IReadOnlyList<ConformanceCase>? cases, Action<CaseResult>? onResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<ConformanceCase> selected;
        try
        {
            selected = CaseCatalog.Select(cases ?? CaseCatalog.All, options.Only, options.Skip);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            return Task.FromResult(Aborted(options, options.Time.GetUtcNow(), options.Time.GetTimestamp(), ex.Message));
        }

        return RunSelectedAsync(options, selected, onResult, cancellationToken);
    }

    /// <summary>Runs exactly <paramref name="selected"/>, the selection the caller already made from the options'
    /// globs (the runner counts and prints the same list it runs, so the selection is made once).</summary>
    internal static async Task<RunOutcome> RunSelectedAsync(RunOptions options, IReadOnlyList<ConformanceCase> selected, Action<CaseResult>? onResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selected);
        var startedAt = options.Time.GetUtcNow();
        var started = options.Time.GetTimestamp();
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
            return Abort("The run was cancelled during the preflight.") with { Interrupted = true };
        }

        var results = new CaseResult?[selected.Count];
        var gate = new Lock();
        string? abort = null;
        IReadOnlyList<string> leftovers;
        PresenceSession.Outcome? presence = null;
        IReadOnlyList<KitMeeting> earlier = [];
        var interrupted = false;
        await using (session.ConfigureAwait(false))
        {
            try
            {
                earlier = await EarlierRunsAsync(session, cancellationToken).ConfigureAwait(false);
                // The session goes first: the stats and the recording it leaves are then there for the cases to observe.
                if (options.Presence is { } presenceOptions)
                {
                    presence = await PresenceSession.RunAsync(session, presenceOptions, cancellationToken).ConfigureAwait(false);
                    foreach (var result in presence.Results)
                    {
                        onResult?.Invoke(result);
                    }

                    // Its meeting is ended by now; should the end have been lost, its slot must not stay taken.
                    await session.Ledger.EndLiveAsync(session.Client, cancellationToken).ConfigureAwait(false);
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
                interrupted = true;
                abort = "The run was interrupted (cancelled); the cases that finished are reported and the run's meetings were ended.";
            }

            // From here on no create gets a slot, so the sweep cannot race a new meeting of a case still unwinding.
            session.Ledger.Close();
            using var timeout = new CancellationTokenSource(interrupted ? options.InterruptedCleanupBudget : TimeSpan.FromSeconds(60), options.Time);
            try
            {
                leftovers = await session.CleanupAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                leftovers = [.. session.Ledger.MeetingIds];
            }
        }

        return new RunOutcome(options.RunId, startedAt, options.Time.GetElapsedTime(started), session.Fingerprint, [.. presence?.Results ?? [], .. results.OfType<CaseResult>()], abort)
        {
            LeftoverMeetings = leftovers,
            Presence = presence?.Report,
            Timings = session.Timings,
            Interrupted = interrupted,
            EarlierRunMeetings = earlier,
            Footprint = new RunFootprint(session.Ledger.MeetingsCreated, session.Ledger.MaxLive, RequestMeter.Of(session.Client).Sent,
                session.Ledger.Bound, options.MaxRequestsPerSecond),
        };

        RunOutcome Abort(string reason) => Aborted(options, startedAt, started, reason);
    }

    private static RunOutcome Aborted(RunOptions options, DateTimeOffset startedAt, long started, string reason) =>
        new(options.RunId, startedAt, options.Time.GetElapsedTime(started), null, [], Redact(reason, options.Secret));

    /// <summary>The kit's meetings that other runs left on the target (one getMeetings; reported, never ended). A
    /// failed listing reports nothing: the cases judge getMeetings.</summary>
    private static async Task<IReadOnlyList<KitMeeting>> EarlierRunsAsync(ConformanceSession session, CancellationToken cancellationToken)
    {
        try
        {
            var own = session.Ledger.Prefix;
            var found = await KitMeetings.ListAsync(session.Client, session.Options.MeetingPrefix, null, cancellationToken).ConfigureAwait(false);
            return [.. found.Select(f => f.Meeting).Where(m => !m.Ended && !m.MeetingId.StartsWith(own, StringComparison.Ordinal))];
        }
        catch (Exception ex) when (ex is TransportFailure or InvalidDataException)
        {
            return [];
        }
    }

    private static string Redact(string text, string secret) => Mconf.Spec.Signing.Redactor.Redact(text, secret);
}
