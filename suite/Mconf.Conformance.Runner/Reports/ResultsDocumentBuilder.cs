using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using Mconf.Spec;
using Mconf.Spec.Signing;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Turns an engine outcome into the redacted <see cref="ResultsDocument"/>. Every string that reaches
/// the document passes through <see cref="Redactor.Redact"/> with the run's secret, so checksums and the secret
/// cannot reach any report, whatever the engine put in a message or evidence.</summary>
public sealed class ResultsDocumentBuilder(string kitVersion, string? secret)
{
    /// <summary>Bodies longer than this are cut in the reports (a getMeetings listing can be large).</summary>
    public const int MaxBodyChars = 64 * 1024;

    /// <summary>Witnesses kept per case and spec ID: enough to show what was judged, without copying a whole listing
    /// (every spec ID a case witnessed keeps at least one, so the delta table sees it).</summary>
    public const int MaxWitnessesPerSpec = 10;

    /// <summary>The run's document; <paramref name="judge"/> gives the verdict from the delta table built here, so it is
    /// judged once, from the same table the reports show.</summary>
    public ResultsDocument Build(RunOutcome outcome, IReadOnlyList<CaseResult> results, Func<IReadOnlyList<DeltaRecord>, Judgement> judge, RunSelection options, IReadOnlyList<ConformanceCase> catalogue)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalogue);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Count; i++)
        {
            order.TryAdd(catalogue[i].Id, i);
        }

        var cases = results
            .OrderBy(r => order.TryGetValue(r.Case.Id, out var i) ? i : int.MaxValue)
            .ThenBy(r => r.Case.Id, StringComparer.Ordinal)
            .Select(Case)
            .ToList();
        // The session's cases count for the deltas only when a session ran (otherwise the table says how to run one).
        var deltas = DeltaTable.Build(CaseCatalog.Deltas, outcome.Presence is null ? catalogue : [.. catalogue, .. SessionCases.All], cases);
        var judgement = judge(deltas);
        var target = outcome.Target is { } t
            ? new TargetInfo(R(t.Url), t.ApiVersion is null ? null : R(t.ApiVersion), t.Flavour, t.ChecksumAlgorithm, t.Embedded, t.HadApiSuffix)
            : null;
        return new ResultsDocument
        {
            KitVersion = kitVersion,
            RunId = outcome.RunId,
            StartedAt = outcome.StartedAt,
            DurationSeconds = Math.Round(outcome.Duration.TotalSeconds, 3),
            Verdict = judgement.Verdict,
            ExitCode = judgement.ExitCode,
            Summary = R(judgement.Line),
            AbortReason = outcome.AbortReason is null ? null : R(outcome.AbortReason),
            Target = target,
            Options = options with
            {
                Only = [.. options.Only.Select(R)],
                Skip = [.. options.Skip.Select(R)],
                KnownFailingFile = options.KnownFailingFile is null ? null : R(options.KnownFailingFile),
            },
            Totals = VerdictTotals.Of(cases.Select(c => c.Verdict)),
            Cases = cases,
            LeftoverMeetings = [.. outcome.LeftoverMeetings.Select(R)],
            Deltas = deltas,
            DeltasVerified = deltas.Count(d => d.Verified),
            Speed = TargetSpeed.Of(outcome.Timings, R),
            Footprint = outcome.Footprint is { } f ? new FootprintRecord(f.MeetingsCreated, f.MaxLiveMeetings, f.MaxLiveBound, f.RequestsSent, f.MaxRequestsPerSecond) : null,
            EarlierRunMeetings = [.. outcome.EarlierRunMeetings.Select(m => new EarlierMeetingRecord(R(m.MeetingId), R(m.RunId),
                m.AgeAt(outcome.StartedAt) is { } age ? Math.Round(Math.Max(0, age.TotalSeconds)) : null))],
            Presence = outcome.Presence is { } p ? p with
            {
                Steps = [.. p.Steps.Select(step => step with
                {
                    JoinUrl = step.JoinUrl is null ? null : R(step.JoinUrl),
                    Reason = step.Reason is null ? null : R(step.Reason),
                    Observed = R(step.Observed),
                })],
            } : null,
        };
    }

    private CaseRecord Case(CaseResult result)
    {
        var c = result.Case;
        return new CaseRecord(
            c.Id,
            R(c.Title),
            c.Layer.Layer(),
            c.Call,
            c.Kind,
            c.Tier.Name(),
            R(c.Action),
            R(c.Requirement),
            new SpecReference(c.SpecId, c.Source.Doc, c.Source.Section, R(c.Source.Quote)),
            result.Verdict,
            R(result.Message),
            Math.Round(result.Duration.TotalMilliseconds, 1),
            [.. result.Evidence.Select(Exchange)])
        {
            Observations = [.. result.Observations.Select(R)],
            Witnesses = [.. result.Witnesses
                .GroupBy(w => w.SpecId, StringComparer.Ordinal)
                .SelectMany(g => g.Take(MaxWitnessesPerSpec))
                .Select(w => new WitnessRecord(w.SpecId, R(w.Request), R(w.Record), R(w.Value)))],
        };
    }

    /// <summary>The exploration tier's record, redacted like the cases: <paramref name="result"/> is its case as the
    /// run judged it (after the known-failing list); the steps' exchanges go through the same redaction and cut as
    /// every case's evidence.</summary>
    public ExplorationRecord Exploration(ExplorationRun run, CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        var o = run.Outcome;
        var failure = o.Failure;
        var steps = failure is null
            ? []
            : failure.Trace.Select((t, i) => new ExplorationStepRecord(i + 1, R(t.Step.ToString()), t.Step.Op, t.Step.Meeting, t.Step.User, t.Step.Variant,
                t.Note is null ? null : R(t.Note),
                [.. t.Exchanges.Select(e => Exchange(new Exchange(e.Method, e.Url, e.Status, e.ContentType, e.Body)))])).ToList();
        // The step that broke the invariant is the last one that ran (the ones after it are marked not reached).
        var reached = failure?.Trace.Count(t => t.Reached) ?? 0;
        return new ExplorationRecord(
            result.Case.Id,
            result.Verdict,
            R(result.Message),
            run.SequencesPlanned,
            o.SequencesRun,
            o.Requests,
            run.RequestBudget,
            o.BudgetSpent,
            run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            run.MaxSteps,
            run.Presence,
            R(run.MeetingPrefix),
            Math.Round(run.Duration.TotalSeconds, 3),
            failure is null ? null : R(failure.Invariant),
            failure is null || reached == 0 ? null : reached,
            steps)
        {
            Error = o.Error is null ? null : R(o.Error),
            Interrupted = o.Interrupted,
            LeftoverMeetings = [.. o.Leftovers.Select(R)],
        };
    }

    /// <summary>One exchange as every report shows it: URL, body and location redacted, the body cut at <see cref="MaxBodyChars"/>.</summary>
    private ExchangeRecord Exchange(Exchange e) =>
        new(e.Method, R(e.Url), e.Status, e.ContentType, e.Body is null ? null : Cut(R(e.Body)), e.Location is null ? null : R(e.Location));

    private string R(string? text) => Redactor.Redact(text, secret);

    private static string? Cut(string? body) =>
        body is null || body.Length <= MaxBodyChars ? body : body[..MaxBodyChars] + $"\n… ({body.Length - MaxBodyChars} more characters cut)";
}
