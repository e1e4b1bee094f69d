using Mconf.Conformance.Checks;
using Mconf.Conformance.Model;
using Mconf.Conformance.Target;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Presence;

/// <summary>The presence session: creates a recorded meeting with metadata the suite chose, asks the actor (a
/// person or a driver) for each step, polls getMeetingInfo and getMeetings until the step shows or the timeout
/// passes, checks the deltas against what was asked, ends the meeting, then checks getStats and the meta filters
/// on the session's recording. The meeting is in the run's ledger, so an interrupted session still ends it.</summary>
internal sealed class PresenceSession
{
    private readonly ConformanceSession _session;
    private readonly PresenceOptions _options;
    private readonly List<CaseResult> _results = [];
    private readonly List<PresenceStepRecord> _steps = [];
    private readonly HashSet<string> _variations = new(StringComparer.Ordinal);

    private PresenceSession(ConformanceSession session, PresenceOptions options)
    {
        _session = session;
        _options = options;
    }

    /// <summary>The session's check results (one per session case) and its step-by-step report.</summary>
    public sealed record Outcome(IReadOnlyList<CaseResult> Results, PresenceReport Report);

    public static async Task<Outcome> RunAsync(ConformanceSession session, PresenceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Watch.Start(session.Options.Time);
        var run = new PresenceSession(session, options);
        string? meetingId = null;
        try
        {
            meetingId = await run.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TransportFailure ex)
        {
            // The target stopped answering: what the session had not judged stays unverified, with the reason.
            var reason = session.Client.Redact($"the presence session stopped: {ex.Message}");
            var judged = run._results.Select(r => r.Case.Id).ToHashSet(StringComparer.Ordinal);
            run._results.AddRange(SessionCases.All.Where(c => !judged.Contains(c.Id)).Select(c => run._session.Conclude(new CaseResult(c, Verdict.Inconclusive, reason, TimeSpan.Zero, []))));
            run._steps.Add(new() { Action = "error", User = "runner", Instruction = "the session stopped", Status = PresenceStepOutcome.NotObserved, Reason = reason });
        }

        return new Outcome(run._results, new PresenceReport(options.Mode, meetingId, Math.Round(watch.Elapsed.TotalSeconds, 3), run._steps));
    }

    private CaseContext Context(CancellationToken token) => new(_session, null, token);

    private async Task<string?> RunStepsAsync(CancellationToken token)
    {
        if (_session.Guard.ReadOnly)
        {
            SkipAll("the read-only tier creates nothing, and the session needs a meeting of its own");
            return null;
        }

        var ctx = Context(token);
        var meetingId = ctx.Ledger.NewId("presence");
        var moderatorPW = "mp-" + Guid.NewGuid().ToString("N")[..8];
        var attendeePW = "ap-" + Guid.NewGuid().ToString("N")[..8];
        var metaToken = meetingId;
        // Named apart from earlier sessions, so entries of several sessions (getStats, getRecordings) differ in name too.
        var name = "Mconf conformance presence session " + meetingId;
        var create = await ctx.CallAsync("create",
        [
            ("meetingID", meetingId), ("name", name), ("attendeePW", attendeePW), ("moderatorPW", moderatorPW),
            ("record", "true"), .. SessionAftermath.CreatedMeta(metaToken).Select(m => ("meta_" + m.Key, (string?)m.Value)),
        ]).ConfigureAwait(false);
        if (!create.IsSuccess)
        {
            SkipAll($"the session's meeting could not be created: {create.Summary()}");
            return meetingId;
        }

        var joined = new List<SessionUser>();
        foreach (var step in PresenceSteps.All)
        {
            var user = step.User;
            var joinUrl = JoinUrl(meetingId, user, user.Moderator ? moderatorPW : attendeePW);
            var request = new PresenceRequest(step.Action, step.Instruction, joinUrl, user.UserId, user.FullName, meetingId);
            var done = await StepAsync(step, request, meetingId, moderatorPW, token).ConfigureAwait(false);
            if (done && !joined.Contains(user))
            {
                joined.Add(user);
            }
        }

        var meeting = new SessionMeeting(meetingId, name, Target.KitMeetings.InternalId(meetingId, create.Xml?.Value("createTime")?.Trim() ?? ""));
        await EndAndCheckAftermathAsync(meeting, moderatorPW, metaToken, joined, token).ConfigureAwait(false);
        return meetingId;
    }

    /// <summary>One step; true when it was observed.</summary>
    private async Task<bool> StepAsync(PresenceStep step, PresenceRequest request, string meetingId, string moderatorPW, CancellationToken token)
    {
        var watch = Watch.Start(_session.Options.Time);
        var shownUrl = _session.Client.Redact(request.JoinUrl);
        string? skip = _options.Skip.Contains(step.Action, StringComparer.OrdinalIgnoreCase) ? "skipped on request (--presence-skip)" : null;
        if (skip is null)
        {
            _options.Progress?.Invoke($"presence: {step.Action} ({step.User.FullName})");
            skip = await _options.Actor.PerformAsync(request, token).ConfigureAwait(false);
        }

        if (skip is not null)
        {
            skip = _session.Client.Redact(skip);
            _options.Progress?.Invoke($"presence: {step.Action} skipped: {skip}");
            foreach (var check in step.Checks)
            {
                Add(check.SpecId, step.Action, Verdict.Skipped, $"the step '{step.Action}' was not done: {skip}", watch.Elapsed, []);
            }

            _steps.Add(new()
            {
                Action = step.Action, User = step.User.FullName, Instruction = step.Instruction, JoinUrl = shownUrl, Status = PresenceStepOutcome.Skipped, Reason = skip,
                DurationMs = Ms(watch), Cases = [.. step.Checks.Select(c => SessionCases.Id(c.SpecId, step.Action))],
            });
            return false;
        }

        var (observation, seen) = await ObserveAsync(meetingId, moderatorPW, step.Observed, token).ConfigureAwait(false);
        var evidence = new[] { observation.Info.Exchange, observation.Meetings.Exchange };
        var outcomes = new List<(string SpecId, bool Passed)>();
        foreach (var check in step.Checks)
        {
            var (verdict, message) = Judge(check, observation, seen);
            var (witnesses, variations) = Witnessed(check, observation, verdict);
            Add(check.SpecId, step.Action, verdict, message, watch.Elapsed, evidence, witnesses, variations);
            outcomes.Add((check.SpecId, verdict == Verdict.Passed));
        }

        var verified = VerifiedBy(outcomes);

        var status = seen ? PresenceStepOutcome.Observed : PresenceStepOutcome.NotObserved;
        _options.Progress?.Invoke($"presence: {step.Action} {status.Text()} after {watch.Elapsed.TotalSeconds:0.0} s, {verified.Count} delta(s) verified");
        _steps.Add(new()
        {
            Action = step.Action, User = step.User.FullName, Instruction = step.Instruction, JoinUrl = shownUrl, Status = status,
            Reason = seen ? null : $"not seen within {_options.StepTimeout.TotalSeconds:0.#} s", Observed = _session.Client.Redact(observation.Describe()), DurationMs = Ms(watch),
            Cases = [.. step.Checks.Select(c => SessionCases.Id(c.SpecId, step.Action))], VerifiedDeltas = verified,
        });
        return seen;
    }

    private (Verdict, string) Judge(StepCheck check, MeetingObservation observation, bool seen)
    {
        try
        {
            var problem = check.Verify(observation);
            if (problem is null)
            {
                return (Verdict.Passed, "");
            }

            var when = seen ? "once the step showed" : $"the step never showed within {_options.StepTimeout.TotalSeconds:0.#} s";
            return (Verdict.Failed, $"expected {check.Requirement}; got {problem} ({when})\n{observation.Describe()}");
        }
        catch (UserNotListed missing)
        {
            return (Verdict.Inconclusive, $"{missing.User.FullName} never appeared among the attendees within {_options.StepTimeout.TotalSeconds:0.#} s: was the step done?");
        }
    }

    /// <summary>The values a check judged, as witnesses of its delta, and the legitimate variation it passed on, if any.</summary>
    private (IReadOnlyList<Witness> Witnesses, IReadOnlyList<string> Variations) Witnessed(StepCheck check, MeetingObservation observation, Verdict verdict)
    {
        try
        {
            var witnesses = check.Seen(observation)
                .Select(v => Witness(check.SpecId, v.InList ? observation.Meetings : observation.Info, v.Record, v.Value)).ToList();
            // A variation is reported once by the session, on the first check that passed on it.
            var variation = verdict == Verdict.Passed ? check.Variation(observation) : null;
            return (witnesses, variation is not null && _variations.Add(variation) ? [variation] : []);
        }
        catch (UserNotListed)
        {
            return ([], []);
        }
    }

    private Witness Witness(string specId, ApiAnswer answer, string record, string value) =>
        new(specId, answer.RequestLine, _session.Client.Redact(record), _session.Client.Redact(value));

    /// <summary>Polls getMeetingInfo and getMeetings until <paramref name="observed"/> holds or the step timeout passes.</summary>
    private async Task<(MeetingObservation Observation, bool Seen)> ObserveAsync(string meetingId, string moderatorPW, Func<MeetingObservation, bool> observed, CancellationToken token)
    {
        var polled = await Poll.UntilAsync(async t =>
        {
            var ctx = Context(t);
            var info = await ctx.CallAsync("getMeetingInfo", ("meetingID", meetingId), ("password", moderatorPW)).ConfigureAwait(false);
            var list = await ctx.CallAsync("getMeetings").ConfigureAwait(false);
            return MeetingObservation.From(info, list, meetingId);
        }, observed, PollLimits.For(_options.StepTimeout, _options.PollInterval), _session.Options.Time, token).ConfigureAwait(false);
        return (polled.Last, polled.Held);
    }

    private async Task EndAndCheckAftermathAsync(SessionMeeting meeting, string moderatorPW, string metaToken, IReadOnlyList<SessionUser> joined, CancellationToken token)
    {
        var meetingId = meeting.Id;
        var watch = Watch.Start(_session.Options.Time);
        var ctx = Context(token);
        var end = await ctx.CallAsync("end", ("meetingID", meetingId), ("password", moderatorPW)).ConfigureAwait(false);
        var endNote = await _options.Actor.PerformAsync(
            new PresenceRequest(PresenceSteps.MeetingEnded, "The meeting has ended: close the browsers.", _session.Client.Endpoint.ApiRoot.AbsoluteUri, "", "", meetingId), token).ConfigureAwait(false);
        endNote = endNote is null ? null : _session.Client.Redact(endNote);
        _steps.Add(new()
        {
            Action = "end", User = "runner", Instruction = "The runner ends the meeting (end), then tells the actor (meeting-ended).", Status = PresenceStepOutcome.Done, Reason = endNote,
            Observed = $"end: {end.Summary()}{(endNote is null ? "" : "; meeting-ended: " + endNote)}", DurationMs = Ms(watch),
        });

        await StatsAsync(meeting, joined, token).ConfigureAwait(false);
        await RecordingAsync(meeting, metaToken, token).ConfigureAwait(false);
    }

    private async Task StatsAsync(SessionMeeting meeting, IReadOnlyList<SessionUser> joined, CancellationToken token)
    {
        var watch = Watch.Start(_session.Options.Time);
        var checks = SessionAftermath.Checks.Where(c => c.Step == SessionAftermath.Stats).ToList();
        if (joined.Count == 0)
        {
            foreach (var check in checks)
            {
                Add(check.SpecId, check.Step, Verdict.Skipped, "no user of the session was seen joining, so getStats has nothing the suite knows", watch.Elapsed, []);
            }

            _steps.Add(new()
            {
                Action = "stats", User = "runner", Instruction = "getStats for the session's meeting", Status = PresenceStepOutcome.Skipped, Reason = "no user was seen joining",
                DurationMs = Ms(watch), Cases = [.. checks.Select(c => SessionCases.Id(c.SpecId, c.Step))],
            });
            return;
        }

        // Waits only for stats to show (a server writes them after the end); a wrong value will not right itself.
        var answer = (await Poll.UntilAsync(t => Context(t).CallAsync("getStats", ("meetingID", meeting.Id)), a => SessionAftermath.StatsShown(a, meeting, joined),
            PollLimits.For(_options.StepTimeout, _options.PollInterval), _session.Options.Time, token).ConfigureAwait(false)).Last;
        var problems = SessionAftermath.JudgeStats(answer, meeting, joined);
        var outcomes = new List<(string SpecId, bool Passed)>();
        var seen = SessionAftermath.StatsSeen(answer, meeting, joined);
        foreach (var check in checks)
        {
            var problem = problems[check.SpecId];
            Add(check.SpecId, check.Step, problem is null ? Verdict.Passed : Verdict.Failed,
                problem is null ? "" : $"expected {check.Requirement}; got {problem}", watch.Elapsed, [answer.Exchange],
                [.. seen[check.SpecId].Select(v => Witness(check.SpecId, answer, v.Record, v.Value))]);
            outcomes.Add((check.SpecId, problem is null));
        }

        var verified = VerifiedBy(outcomes);

        _steps.Add(new()
        {
            Action = "stats", User = "runner", Instruction = "getStats for the session's meeting lists its participants with join and left times", Status = PresenceStepOutcome.Done,
            Observed = $"getStats: {answer.Summary()}, {answer.Xml?.Select("stats/meeting/participants/participant").Count() ?? 0} participant(s)", DurationMs = Ms(watch),
            Cases = [.. checks.Select(c => SessionCases.Id(c.SpecId, c.Step))], VerifiedDeltas = verified,
        });
    }

    private async Task RecordingAsync(SessionMeeting meeting, string metaToken, CancellationToken token)
    {
        var watch = Watch.Start(_session.Options.Time);
        var meetingId = meeting.Id;
        var checks = SessionAftermath.Checks.Where(c => c.Step.StartsWith("meta-", StringComparison.Ordinal)).ToList();
        var caseIds = checks.Select(c => SessionCases.Id(c.SpecId, c.Step)).Distinct(StringComparer.Ordinal).ToList();
        var ownChecks = SessionAftermath.Checks.Where(c => c.Step is SessionAftermath.RecordingName or SessionAftermath.Publish).ToList();
        // A recording takes minutes to process: polled at most every 5 s, and about 20 times over the wait.
        var interval = TimeSpan.FromSeconds(Math.Min(5, Math.Max(_options.PollInterval.TotalSeconds, _options.RecordingsWait.TotalSeconds / 20)));
        var listing = (await Poll.UntilAsync(t => Context(t).CallAsync("getRecordings", ("meetingID", meetingId)), a => RecordIds(a).Count > 0,
            PollLimits.For(_options.RecordingsWait, interval), _session.Options.Time, token).ConfigureAwait(false)).Last;
        var ours = RecordIds(listing);

        if (ours.Count == 0)
        {
            var reason = $"the session's recording was not listed within {_options.RecordingsWait.TotalSeconds:0.#} s of the meeting's end (a server processes recordings after the meeting; a target that does not record never lists one): run again with --recordings-wait SECONDS";
            foreach (var check in checks.Concat(ownChecks))
            {
                Add(check.SpecId, check.Step, Verdict.Inconclusive, reason, watch.Elapsed, []);
            }

            _steps.Add(new()
            {
                Action = "recording", User = "runner", Instruction = "the meta filters on the session's recording", Status = PresenceStepOutcome.NotObserved, Reason = reason,
                DurationMs = Ms(watch), Cases = caseIds,
            });
            _steps.Add(new()
            {
                Action = "publish", User = "runner", Instruction = "the session's recording: its name, and publishRecordings false then true", Status = PresenceStepOutcome.NotObserved,
                Reason = reason, DurationMs = Ms(watch), Cases = [.. ownChecks.Select(c => SessionCases.Id(c.SpecId, c.Step))],
            });
            return;
        }

        var failures = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, List<Exchange>>(StringComparer.Ordinal);
        var witnessed = new Dictionary<string, List<(ApiAnswer Answer, string Value)>>(StringComparer.Ordinal);
        var created = SessionAftermath.CreatedMeta(metaToken);
        foreach (var (step, filters) in SessionAftermath.MetaQueries(metaToken))
        {
            var selects = Kinds.MetaFilterCheck.Matches(new("", created), filters);
            var answer = await Context(token).CallAsync("getRecordings", [.. filters.Select(f => ("meta_" + f.Key, (string?)f.Value))]).ConfigureAwait(false);
            var got = RecordIds(answer);
            // Judged as the meta-filter case judges, on the session's recordings with the metadata they were created with;
            // a recording of another meeting cannot carry the session's token, so selecting one is wrong too.
            var (missing, extra) = Kinds.MetaFilterCheck.Judge(ours.Select(id => new Kinds.MetaFilterCheck.Recording(id, created, meetingId)), filters, got);
            evidence.TryAdd(step, []);
            evidence[step].Add(answer.Exchange);
            witnessed.TryAdd(step, []);
            witnessed[step].Add((answer, $"selected {(got.Count == 0 ? "nothing" : string.Join(", ", got.Order(StringComparer.Ordinal)))} (the session's recording: {string.Join(", ", ours.Order(StringComparer.Ordinal))}; expected {(selects ? "it" : "nothing")})"));
            failures.TryAdd(step, []);
            if (answer.Xml is null || missing.Count > 0 || extra.Count > 0 || !got.IsSubsetOf(ours))
            {
                var query = string.Join("&", filters.Select(f => $"meta_{f.Key}={f.Value}"));
                failures[step].Add($"{query} selected {(answer.Xml is null ? answer.Summary() : got.Count == 0 ? "nothing" : string.Join(", ", got))}, expected {(selects ? "the session's recording" : "nothing")}");
            }
        }

        var outcomes = new List<(string SpecId, bool Passed)>();
        foreach (var check in checks)
        {
            var problems = failures[check.Step];
            Add(check.SpecId, check.Step, problems.Count == 0 ? Verdict.Passed : Verdict.Failed,
                problems.Count == 0 ? "" : $"expected {check.Requirement}; got {string.Join("; ", problems)}", watch.Elapsed, evidence[check.Step],
                [.. witnessed[check.Step].Select(w => Witness(check.SpecId, w.Answer, "getRecordings with meta filters", w.Value))]);
            outcomes.Add((check.SpecId, problems.Count == 0));
        }

        var verified = VerifiedBy(outcomes);

        _steps.Add(new()
        {
            Action = "recording", User = "runner", Instruction = "getRecordings meta filters over the session's recording (one, several, none, value case, key case, missing key)",
            Status = PresenceStepOutcome.Done,
            Observed = $"recording {string.Join(", ", ours)}; {failures.Values.Sum(f => f.Count)} of {SessionAftermath.MetaQueries(metaToken).Count} filter queries answered otherwise than expected",
            DurationMs = Ms(watch), Cases = caseIds, VerifiedDeltas = verified,
        });

        await OwnRecordingAsync(meeting, listing, ours, ownChecks, token).ConfigureAwait(false);
    }

    /// <summary>The session's own recording, which the run may change: its name is the meeting's, and
    /// publishRecordings false then true answers each value and getRecordings shows it (the recording ends published,
    /// as it was made).</summary>
    private async Task OwnRecordingAsync(SessionMeeting meeting, ApiAnswer listing, HashSet<string> ours, IReadOnlyList<AftermathCheck> checks, CancellationToken token)
    {
        var watch = Watch.Start(_session.Options.Time);
        var recordId = ours.Order(StringComparer.Ordinal).First();
        var exchanges = new List<ApiAnswer> { listing };
        var problems = checks.ToDictionary(c => c.SpecId, _ => new List<string>(), StringComparer.Ordinal);
        var seen = checks.ToDictionary(c => c.SpecId, _ => new List<(ApiAnswer Answer, string Value)>(), StringComparer.Ordinal);
        var name = SessionAftermath.JudgeName(listing, recordId, meeting.Name);
        problems[SessionAftermath.NameId].AddRange(name.Problem is null ? [] : [name.Problem]);
        seen[SessionAftermath.NameId].Add((listing, name.Seen));
        foreach (var publish in new[] { "false", "true" })
        {
            var answer = await Context(token).CallAsync("publishRecordings", ("recordID", recordId), ("publish", publish)).ConfigureAwait(false);
            var after = await Context(token).CallAsync("getRecordings", ("meetingID", meeting.Id)).ConfigureAwait(false);
            exchanges.Add(answer);
            exchanges.Add(after);
            var echoed = SessionAftermath.PublishAnswer(answer, publish);
            problems[SessionAftermath.PublishedId].AddRange(echoed.Problem is null ? [] : [echoed.Problem]);
            seen[SessionAftermath.PublishedId].Add((answer, echoed.Seen));
            var listed = SessionAftermath.ListedPublished(after, recordId, publish);
            problems[SessionAftermath.ListedPublishedId].AddRange(listed.Problem is null ? [] : [listed.Problem]);
            seen[SessionAftermath.ListedPublishedId].Add((after, listed.Seen));
        }

        var outcomes = new List<(string SpecId, bool Passed)>();
        foreach (var check in checks)
        {
            var found = problems[check.SpecId];
            Add(check.SpecId, check.Step, found.Count == 0 ? Verdict.Passed : Verdict.Failed,
                found.Count == 0 ? "" : $"expected {check.Requirement}; got {string.Join("; ", found)}", watch.Elapsed, [.. exchanges.Select(e => e.Exchange)],
                [.. seen[check.SpecId].Select(w => Witness(check.SpecId, w.Answer, $"recording {recordId}", w.Value))]);
            outcomes.Add((check.SpecId, found.Count == 0));
        }

        var verified = VerifiedBy(outcomes);

        _steps.Add(new()
        {
            Action = "publish", User = "runner", Instruction = "the session's recording: its name, and publishRecordings false then true", Status = PresenceStepOutcome.Done,
            Observed = $"recording {recordId}; {problems.Values.Sum(p => p.Count)} problem(s)", DurationMs = Ms(watch),
            Cases = [.. checks.Select(c => SessionCases.Id(c.SpecId, c.Step))], VerifiedDeltas = verified,
        });
    }

    private static HashSet<string> RecordIds(ApiAnswer answer) =>
        answer.Xml?.Select("recordings/recording").Select(r => BbbResponse.Value(r, "recordID") ?? "").Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal) ?? [];

    private string JoinUrl(string meetingId, SessionUser user, string password)
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("fullName", user.FullName), new("meetingID", meetingId), new("password", password), new("userID", user.UserId),
        };
        if (user.Guest)
        {
            parameters.Add(new("guest", "true"));
        }

        _session.Guard.Check("join", [.. parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))]);
        return _session.Client.Endpoint.CallUrl("join", _session.Client.Signer.SignedQuery("join", parameters)).AbsoluteUri;
    }

    private void SkipAll(string reason)
    {
        foreach (var c in SessionCases.All)
        {
            _results.Add(_session.Conclude(new CaseResult(c, Verdict.Skipped, reason, TimeSpan.Zero, [])));
        }

        _steps.Add(new() { Action = "create", User = "runner", Instruction = "create the session's meeting", Status = PresenceStepOutcome.Skipped, Reason = reason });
    }

    private void Add(string specId, string step, Verdict verdict, string message, TimeSpan duration, IReadOnlyList<Exchange> evidence,
        IReadOnlyList<Witness>? witnesses = null, IReadOnlyList<string>? observations = null)
    {
        var @case = SessionCases.Find(specId, step);
        var text = verdict == Verdict.Failed ? $"{@case.Id}: {message}" : message;
        _results.Add(_session.Conclude(new CaseResult(@case, verdict, _session.Client.Redact(text), duration, evidence)
        {
            Witnesses = witnesses ?? [],
            Observations = [.. (observations ?? []).Select(_session.Client.Redact)],
        }));
    }

    private static double Ms(Watch watch) => Math.Round(watch.Elapsed.TotalMilliseconds, 1);

    /// <summary>Elapsed time on the run's clock (RunOptions.Time), so a test clock drives timeouts and polling too.</summary>
    private readonly record struct Watch(TimeProvider Time, long Started)
    {
        public TimeSpan Elapsed => Time.GetElapsedTime(Started);

        public static Watch Start(TimeProvider time) => new(time, time.GetTimestamp());
    }

    /// <summary>The spec IDs a step verified: those whose every check in the step passed (one failing check of an ID,
    /// e.g. ANDed meta filters answered as ORed, leaves it unverified even when another check of it passed).</summary>
    private static List<string> VerifiedBy(List<(string SpecId, bool Passed)> outcomes) =>
        [.. outcomes.GroupBy(o => o.SpecId, StringComparer.Ordinal).Where(g => g.All(o => o.Passed)).Select(g => g.Key)];
}
