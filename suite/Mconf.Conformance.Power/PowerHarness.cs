using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Conformance.TestTargets;
using Mconf.Mock;
using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Power;

/// <summary>How the suite is run against each mutant. <see cref="Certification"/> is the full certification: the
/// fake's presence driver (suite/drivers/fake-driver.sh), users connected only when the driver connects them.</summary>
public enum PowerConfig
{
    Certification,
    AutoConnect,
    NoAutoConnect,
}

/// <summary>One run of the suite against one mutant (or a tolerated transformation): <see cref="How"/> is
/// <c>failed</c> (some case failed), <c>aborted</c> (the run could not run), <c>incomplete</c> (a delta the
/// unmutated fake verifies was no longer verified: not a certification) or <c>survived</c>.
/// <see cref="Changes"/> counts the requests and answers the mutation actually changed.</summary>
public sealed record RunVerdict(string How, IReadOnlyList<string> FailedCases, int Changes, double Seconds, string? Detail)
{
    public bool Killed => How != "survived";
}

/// <summary>Runs the whole suite, in process (<see cref="ConformanceEngine"/>), against the in-process fake behind a
/// <see cref="MutatingProxy"/> applying one mutation, in one <see cref="PowerConfig"/>.</summary>
public static class PowerHarness
{
    private static int _runs;

    /// <summary>Per presence step: the fake shows a step at once, so a step not seen within this is a mutant hiding
    /// it (the default of 120 s is for people and real clients).</summary>
    public static TimeSpan PresenceStepTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>True: the presence steps run suite/drivers/fake-driver.sh itself (a shell and curl processes per
    /// step); false (the default): <see cref="InProcessFakeDriver"/>, the same requests in process.</summary>
    public static bool ScriptDriver { get; set; }

    /// <summary>The mconf-live spec IDs that the run verified (a case passed, none failed).</summary>
    public static IReadOnlySet<string> VerifiedDeltas(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Results.Where(r => r.Case.Layer == Origin.MconfLive).GroupBy(r => r.Case.SpecId)
            .Where(g => g.Any(r => r.Verdict == Verdict.Passed) && g.All(r => r.Verdict != Verdict.Failed))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs the suite against the fake behind <paramref name="mutation"/> (none: the fake as it is;
    /// <paramref name="busy"/>: a busy fake). <paramref name="baseline"/>: the deltas the unmutated fake verifies in
    /// the same configuration (a mutant leaving one unverified is killed as incomplete).</summary>
    public static async Task<RunVerdict> RunAsync(PowerConfig config, Func<FakeMconfServer, Mutation>? mutation, bool busy,
        IReadOnlySet<string>? baseline, CancellationToken cancellationToken)
    {
        try
        {
            var (outcome, changes) = await RunOutcomeAsync(config, mutation, busy, cancellationToken).ConfigureAwait(false);
            return Judge(outcome, changes, baseline);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // The suite itself threw on the mutated answers: a real certification would end without a verdict. Killed,
            // but reported as what it is, a defect of the suite (Changes -1: not counted).
            return new RunVerdict("aborted", [], -1, 0, "the suite threw (a suite defect, not a verdict): " + ex.GetType().Name + ": " + OneLine(ex.Message));
        }
    }

    public static RunVerdict Judge(RunOutcome outcome, int changes, IReadOnlySet<string>? baseline)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var seconds = Math.Round(outcome.Duration.TotalSeconds, 2);
        if (outcome.AbortReason is { } abort)
        {
            return new RunVerdict("aborted", [], changes, seconds, OneLine(abort));
        }

        var failed = outcome.Results.Where(r => r.Verdict == Verdict.Failed).ToList();
        if (failed.Count > 0)
        {
            return new RunVerdict("failed", [.. failed.Select(r => r.Case.Id).Order(StringComparer.Ordinal)], changes, seconds, OneLine(failed[0].Message));
        }

        if (baseline is not null)
        {
            var lost = baseline.Except(VerifiedDeltas(outcome)).Order(StringComparer.Ordinal).ToList();
            if (lost.Count > 0)
            {
                return new RunVerdict("incomplete", [], changes, seconds, "no longer verified: " + string.Join(", ", lost));
            }
        }

        return new RunVerdict("survived", [], changes, seconds, null);
    }

    public static async Task<(RunOutcome Outcome, int Changes)> RunOutcomeAsync(PowerConfig config, Func<FakeMconfServer, Mutation>? mutation, bool busy, CancellationToken cancellationToken)
    {
        var options = BrokenTargets.DefaultOptions();
        options.AutoConnect = config == PowerConfig.AutoConnect;
        BusyTarget? busyTarget = null;
        FakeMconfServer fake;
        if (busy)
        {
            busyTarget = BusyTarget.Start(options.AutoConnect, seed: 7, TimeSpan.FromMilliseconds(100));
            fake = busyTarget.Fake;
        }
        else
        {
            fake = FakeMconfServer.Start(options);
        }

        var counter = new ChangeCounter();
        MutatingProxy? proxy = null;
        try
        {
            if (mutation is not null)
            {
                proxy = MutatingProxy.Start(fake.BaseUrl, counter.Wrap(mutation(fake)));
            }

            var run = new RunOptions
            {
                TargetUrl = proxy?.BaseUrl ?? fake.BaseUrl,
                Secret = fake.Secret,
                RunId = "p" + Interlocked.Increment(ref _runs).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Seed = 42,
                Parallelism = 8,
                RequestTimeout = TimeSpan.FromSeconds(20),
                Embedded = true,
                Presence = config == PowerConfig.Certification
                    ? new PresenceOptions
                    {
                        Actor = ScriptDriver ? new DriverActor(FakeDriver, PresenceStepTimeout) : new InProcessFakeDriver(),
                        StepTimeout = PresenceStepTimeout,
                        PollInterval = TimeSpan.FromMilliseconds(100),
                    }
                    : null,
            };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var outcome = await ConformanceEngine.RunAsync(run, null, null, timeout.Token).ConfigureAwait(false);
            return (outcome, counter.Count);
        }
        finally
        {
            proxy?.Dispose();
            if (busyTarget is not null)
            {
                busyTarget.Dispose();
            }
            else
            {
                fake.Dispose();
            }
        }
    }

    /// <summary>suite/drivers/fake-driver.sh of this repository.</summary>
    public static string FakeDriver => Path.Combine(Mconf.Testing.RepoRoot.Path, "suite", "drivers", "fake-driver.sh");

    private static string OneLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    /// <summary>The answer as the proxy re-serialises it, so a rewrite that changed nothing is not counted.</summary>
    private static string Normal(string body)
    {
        try
        {
            return System.Xml.Linq.XDocument.Parse(body).Root?.ToString(System.Xml.Linq.SaveOptions.DisableFormatting) ?? body;
        }
        catch (System.Xml.XmlException)
        {
            return body;
        }
    }

    /// <summary>Counts what a mutation really changed, so a survivor that never touched an answer says so.</summary>
    private sealed class ChangeCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Mutation Wrap(Mutation inner) => new(inner.Name,
            inner.Request is null ? null : request =>
            {
                var changed = inner.Request(request);
                if (changed.RawQuery != request.RawQuery)
                {
                    Interlocked.Increment(ref _count);
                }

                return changed;
            },
            inner.Answer is null ? null : request =>
            {
                var answer = inner.Answer(request);
                if (answer is not null)
                {
                    Interlocked.Increment(ref _count);
                }

                return answer;
            },
            inner.Response is null ? null : (request, response) =>
            {
                var changed = inner.Response(request, response);
                if (changed.Status != response.Status || (changed.Body != response.Body && Normal(changed.Body) != Normal(response.Body)))
                {
                    Interlocked.Increment(ref _count);
                }

                return changed;
            });
    }
}
