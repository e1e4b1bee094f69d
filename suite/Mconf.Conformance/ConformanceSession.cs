using Mconf.Conformance.Checks;
using Mconf.Conformance.Kinds;
using Mconf.Conformance.Model;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Cases;

namespace Mconf.Conformance;

/// <summary>One connection to a target for a run: preflight done, cases run one at a time or in parallel through
/// <see cref="RunCaseAsync"/> (the runner and the NUnit suite use the same path), and every meeting the run created
/// ended on <see cref="CleanupAsync"/> / dispose (also when the process exits before).</summary>
public sealed class ConformanceSession : IAsyncDisposable
{
    /// <summary>Failure messages quote at most this much of the raw answer (the evidence keeps up to 64 KB).</summary>
    public const int MessageBodyLimit = 4000;

    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _lifetime = new();
    private readonly TargetFingerprint _fingerprint;
    private readonly SemaphoreSlim _cleanupLock = new(1, 1);
    private bool _cleaned;

    private ConformanceSession(RunOptions options, TargetClient client, MeetingLedger ledger, FlavourSniffer flavour, TargetFingerprint fingerprint)
    {
        Options = options;
        Client = client;
        Ledger = ledger;
        Flavour = flavour;
        _fingerprint = fingerprint;
        Guard = new SafetyGuard(ledger, options.Tier == CaseTier.ReadOnly);
        Shared = new SessionObservations(this);
        Connector = new Presence.ClientConnector(options.Presence, client.Endpoint.ApiRoot);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The options the session was opened with.</summary>
    public RunOptions Options { get; }

    internal MeetingLedger Ledger { get; }

    /// <summary>What the preflight learnt, with the flavour refined by every answer seen since.</summary>
    public TargetFingerprint Fingerprint => Flavour.Flavour == FlavourSniffer.Unknown ? _fingerprint : _fingerprint with { Flavour = Flavour.Flavour };

    /// <summary>Meetings of the run still listed after cleanup (should stay empty).</summary>
    public IReadOnlyList<string> LeftoverMeetings { get; private set; } = [];

    internal TargetClient Client { get; }

    /// <summary>The target's measured latency, the budgets used and its slowest calls.</summary>
    public TargetTimings Timings => Client.Summary();

    internal SafetyGuard Guard { get; }

    internal FlavourSniffer Flavour { get; }

    internal SessionObservations Shared { get; }

    internal CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Connects the cases' users through the run's driver (the generic <c>connect</c> action), if any.</summary>
    internal Presence.ClientConnector Connector { get; }

    /// <summary>Validates the options and runs the preflight; throws <see cref="PreflightFailed"/> with one reason.</summary>
    public static async Task<ConformanceSession> OpenAsync(RunOptions options, CancellationToken cancellationToken = default, HttpMessageHandler? handler = null)
    {
        Preflight.ValidateOptions(options);
        var client = new TargetClient(options, handler);
        try
        {
            var flavour = new FlavourSniffer();
            var fingerprint = await Preflight.RunAsync(client, flavour, cancellationToken).ConfigureAwait(false);
            return new ConformanceSession(options, client, new MeetingLedger(options.MeetingPrefix, options.RunId, new RandomSource(options.EffectiveSeed), options.MaxLiveMeetings, options.Time), flavour, fingerprint);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Runs one case, maps what it threw to a verdict and applies the known-failing list. Never throws for a case outcome; only
    /// cancellation of <paramref name="cancellationToken"/> escapes.</summary>
    public async Task<CaseResult> RunCaseAsync(ConformanceCase @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var started = Options.Time.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var ctx = new CaseContext(this, @case, linked.Token);
        Verdict verdict;
        string message;
        try
        {
            if (@case.Tier == CaseTier.Lifecycle && Guard.ReadOnly)
            {
                throw new CaseSkipped("lifecycle case: the read-only tier creates nothing");
            }

            var kind = CaseKinds.Find(@case.Kind);
            if (kind is null)
            {
                throw new CaseFailure($"a check implementing case kind '{@case.Kind}'", "no such kind in this suite");
            }

            await kind.RunAsync(ctx).ConfigureAwait(false);
            (verdict, message) = (Verdict.Passed, "");
        }
        catch (CaseFailure failure)
        {
            (verdict, message) = (Verdict.Failed, FailureText(@case, failure.Expected, failure.Actual, failure.Answer ?? ctx.LastAnswer));
        }
        catch (CaseInconclusive inconclusive)
        {
            (verdict, message) = (Verdict.Inconclusive, inconclusive.Reason);
        }
        catch (CaseSkipped skipped)
        {
            (verdict, message) = (Verdict.Skipped, skipped.Reason);
        }
        catch (BudgetExceeded limit)
        {
            // A budget of the run, not wrong content: never a failure (the option in the reason lets it complete).
            (verdict, message) = (Verdict.Inconclusive, Client.Redact(limit.Reason));
        }
        catch (TransportFailure transport)
        {
            (verdict, message) = (Verdict.Failed, FailureText(@case, "an answer from the target", transport.Message, ctx.LastAnswer));
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            (verdict, message) = (Verdict.Failed, FailureText(@case, "the check to complete", $"an error in the suite: {ex.GetType().Name}: {Client.Redact(ex.Message)}", ctx.LastAnswer));
        }

        // The case's own meetings end with it, so the run stays within its bound of live meetings.
        await Ledger.EndOwnedAsync(ctx, Client, cancellationToken).ConfigureAwait(false);
        return Conclude(new CaseResult(@case, verdict, message, Options.Time.GetElapsedTime(started), ctx.Evidence) { Observations = ctx.Observations, Witnesses = ctx.Witnesses });
    }

    /// <summary>Every result leaves through here, a case's and the presence session's alike: the known-failing list is
    /// applied once, on the one path the runner, the NUnit suite and the session share.</summary>
    internal CaseResult Conclude(CaseResult result) => Options.KnownFailing.Apply(result);

    /// <summary>"&lt;id&gt;: expected ...; got ..." then the redacted request line and the raw answer.</summary>
    internal string FailureText(ConformanceCase @case, string expected, string actual, ApiAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var text = $"{@case.Id}: expected {Client.Redact(expected)}; got {Client.Redact(actual)}";
        if (answer is null)
        {
            return text;
        }

        var exchange = answer.Exchange;
        var body = exchange.Body ?? "";
        if (body.Length > MessageBodyLimit)
        {
            body = body[..MessageBodyLimit] + "\n[... truncated; the evidence holds more]";
        }

        return text + $"\n  request: {answer.RequestLine}\n  response: HTTP {exchange.Status} {exchange.ContentType}" +
            (exchange.Location is null ? "" : $" Location: {exchange.Location}") + $"\n{body}";
    }

    /// <summary>Ends every meeting of the run (registered or listed with the run prefix). Safe to call more than once.</summary>
    public async Task<IReadOnlyList<string>> CleanupAsync(CancellationToken cancellationToken = default)
    {
        await _cleanupLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Guard.ReadOnly && Ledger.MeetingIds.Count == 0)
            {
                _cleaned = true;
                return LeftoverMeetings = [];
            }

            LeftoverMeetings = await Ledger.EndAllAsync(Client, cancellationToken).ConfigureAwait(false);
            // The meetings are over: the driver closes the clients it kept connected for the cases.
            await Connector.CloseAllAsync(cancellationToken).ConfigureAwait(false);
            _cleaned = true;
            return LeftoverMeetings;
        }
        finally
        {
            _cleanupLock.Release();
        }
    }

    /// <summary>Ends every meeting the run created (as <see cref="CleanupAsync"/>) and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(CleanupTimeout, Options.Time))
        {
            try
            {
                await CleanupAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Reported through LeftoverMeetings staying as it was.
            }
        }

        Client.Dispose();
        _lifetime.Dispose();
        _cleanupLock.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_cleaned)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15), Options.Time);
        try
        {
            CleanupAsync(timeout.Token).Wait(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException or ObjectDisposedException)
        {
            // Best effort while the process goes down.
        }
    }
}
