using System.Globalization;
using System.Text;
using CsCheck;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Explorer;

/// <summary>What an exploration may do. <see cref="Presence"/>: the target has the kit fake's control surface
/// (<c>/fake/...</c>, mock/README.md), so attendees can be connected, unmuted, given webcams and made presenter;
/// a real server has none, and presence steps are then left out.</summary>
public sealed record ExplorerOptions
{
    public required string TargetUrl { get; init; }

    public required string Secret { get; init; }

    /// <summary>Every meeting the explorer creates is <c>&lt;prefix&gt;-&lt;run tag&gt;-explore-&lt;sequence&gt;-m&lt;index&gt;-&lt;10 hex&gt;</c>:
    /// the shape of the kit's other meetings, so the runner's <c>cleanup</c> finds those a killed run left behind.</summary>
    public string MeetingPrefix { get; init; } = "mconf-conformance";

    /// <summary>Ends the odd variant of a meeting ID (a space and a non-ASCII letter); the kit's cleanup accepts
    /// exactly this literal after its ID shape.</summary>
    public const string OddIdSuffix = " é-";

    /// <summary>Distinguishes this run's meetings from another run's on the same server.</summary>
    public string RunTag { get; init; } = "x";

    /// <summary>Random sequences tried (CsCheck iterations), before any shrinking.</summary>
    public int Sequences { get; init; } = 50;

    public int MaxSteps { get; init; } = 12;

    /// <summary>Requests the whole exploration may send, shrinking and cleanup included; once spent, the remaining
    /// sequences are not run (and the outcome says so).</summary>
    public long RequestBudget { get; init; } = 5000;

    public bool Presence { get; init; }

    /// <summary>Seed of the sequences: the same seed explores the same sequences.</summary>
    public ulong Seed { get; init; } = 17;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>The exploration's result: <see cref="Failure"/> is null when every sequence kept every invariant;
/// otherwise the minimal failing sequence as its exact requests and answers.</summary>
public sealed record ExplorerOutcome(int SequencesRun, long Requests, bool BudgetSpent, ExplorerFailure? Failure, IReadOnlyList<string> Leftovers)
{
    /// <summary>The caller's token stopped the exploration: the sequences not run yet were left out (the running
    /// one's meetings were still ended).</summary>
    public bool Interrupted { get; init; }

    /// <summary>Why the exploration stopped early without a broken invariant: the target stopped answering (a
    /// refused or broken connection, a request timeout), redacted; null otherwise.</summary>
    public string? Error { get; init; }
}

/// <summary>A broken invariant and the minimal sequence that breaks it. <see cref="Transcript"/> is the sequence's
/// requests and answers as text, <see cref="Trace"/> the same per step, structured (both redacted).</summary>
public sealed record ExplorerFailure(IReadOnlyList<Step> Steps, string Invariant, string Transcript)
{
    /// <summary>One entry per step of <see cref="Steps"/>, in order: what it sent and got back, or why it sent
    /// nothing; steps after the one that broke the invariant are marked not reached.</summary>
    public IReadOnlyList<ExplorerStepTrace> Trace { get; init; } = [];

    public override string ToString() => $"{Invariant}\nminimal sequence ({Steps.Count} steps): {string.Join("; ", Steps)}\n{Transcript}";
}

/// <summary>One step of a failing sequence as it ran: its exchanges (redacted), or <see cref="Note"/> saying why it
/// sent nothing (e.g. no such meeting yet) or that it was not reached.</summary>
public sealed record ExplorerStepTrace(Step Step, IReadOnlyList<ExplorerExchange> Exchanges, string? Note)
{
    /// <summary>False for the steps after the one that broke the invariant.</summary>
    public bool Reached { get; init; } = true;
}

/// <summary>One HTTP exchange of a step, redacted (the checksum and the secret are <c>***</c>): the request (method
/// and absolute URL) and the answer (status, content type, body as received).</summary>
public sealed record ExplorerExchange(string Method, string Url, int Status, string? ContentType, string? Body);

/// <summary>Stateful random exploration of one target over HTTP: CsCheck generates sequences of steps (create with
/// valid and odd parameters, joins, presence, end, publish, delete, and the listing calls with random filters and
/// ID lists); after every step the answers' invariants and the relations between calls are checked
/// (<see cref="Sequence"/>). A failing sequence is shrunk by CsCheck to a minimal one.</summary>
public static class Explorer
{
    public static async Task<ExplorerOutcome> RunAsync(ExplorerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = options.RequestTimeout };
        var budget = new Budget(options.RequestBudget);
        var counter = 0;
        var run = 0;
        ExplorerFailure? smallest = null;
        string? error = null;
        var leftovers = new List<string>();
        var gate = new Lock();
        // Each operation as often as its weight: meetings need creating and joining before anything shows. A
        // lower draw is an earlier operation, so CsCheck's shrinking toward zero turns steps into creates and joins.
        var ops = Step.AllOps.Where(o => options.Presence || !Step.PresenceOps.Contains(o))
            .SelectMany(o => Enumerable.Repeat(o, Step.Weight(o))).ToArray();
        var step = Gen.Select(Gen.Int[0, ops.Length - 1], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 7], (o, m, u, v) => new Step(ops[o], m, u, v));
        var sequences = step.Array[1, options.MaxSteps];

        async Task TryAsync(Step[] steps)
        {
            if (budget.Spent || cancellationToken.IsCancellationRequested || Volatile.Read(ref error) is not null)
            {
                return;
            }

            var n = Interlocked.Increment(ref counter);
            var sequence = new Sequence(http, options, budget, n.ToString(CultureInfo.InvariantCulture));
            try
            {
                await sequence.RunAsync(steps, cancellationToken).ConfigureAwait(false);
            }
            catch (InvariantBroken broken)
            {
                lock (gate)
                {
                    // CsCheck tries ever smaller sequences while shrinking: the smallest failing one is kept.
                    if (smallest is null || steps.Length <= smallest.Steps.Count)
                    {
                        smallest = sequence.Failure(steps, broken.Message);
                    }
                }

                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted: not a failure of the sequence; the remaining ones return at once.
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The target stopped answering (refused, reset, timed out): no invariant can be judged any more,
                // and shrinking a transport error would only repeat it. The exploration stops and says why.
                Interlocked.CompareExchange(ref error, Redactor.Redact($"after {n} sequence(s), at step '{sequence.CurrentStep}': {ex.GetType().Name}: {ex.Message}", options.Secret), null);
            }
            finally
            {
                Interlocked.Increment(ref run);
                var left = await sequence.CleanupAsync(CancellationToken.None).ConfigureAwait(false);
                lock (gate)
                {
                    leftovers.AddRange(left);
                }
            }
        }

        // Finding is deterministic: sequence i comes from its own seed, derived from the run's seed (CsCheck's
        // Sample takes a seed for its first iteration only), so the same seed explores the same sequences.
        string? failing = null;
        for (var i = 0; i < options.Sequences && failing is null && !budget.Spent && !cancellationToken.IsCancellationRequested && Volatile.Read(ref error) is null; i++)
        {
            var seed = Seed(unchecked(options.Seed + ((ulong)i * 0x9E3779B97F4A7C15UL)));
            try
            {
                await TryAsync(sequences.Generate(PCG.Parse(seed), null, out _)).ConfigureAwait(false);
            }
            catch (InvariantBroken)
            {
                failing = seed;
            }
        }

        // Shrinking is CsCheck's: from the failing sequence's seed, it tries smaller sequences within the
        // iterations left (at least half as many as planned: a failure found late still gets shrunk).
        if (failing is not null && !budget.Spent && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await sequences.SampleAsync(TryAsync, seed: failing, iter: Math.Max(options.Sequences - run, Math.Max(1, options.Sequences / 2)), threads: 1, print: s => string.Join("; ", s)).ConfigureAwait(false);
            }
            catch (CsCheckException) when (smallest is not null)
            {
                // Reported through the smallest failure below, with its requests and answers.
            }
        }

        // A last pass tries the sequence without each
        // of its steps in turn (fresh meetings every try) until no step can go, so the sequence shown is 1-minimal.
        for (var i = 0; smallest is not null && i < smallest.Steps.Count && !budget.Spent && smallest.Steps.Count > 1 && !cancellationToken.IsCancellationRequested;)
        {
            var without = smallest.Steps.Where((_, j) => j != i).ToArray();
            var n = Interlocked.Increment(ref counter);
            var sequence = new Sequence(http, options, budget, n.ToString(CultureInfo.InvariantCulture));
            try
            {
                await sequence.RunAsync(without, cancellationToken).ConfigureAwait(false);
                i++;
            }
            catch (InvariantBroken broken)
            {
                smallest = sequence.Failure(without, broken.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or OperationCanceledException)
            {
                // Interrupted, or the target stopped answering: the failure found so far is the one reported.
                break;
            }
            finally
            {
                leftovers.AddRange(await sequence.CleanupAsync(CancellationToken.None).ConfigureAwait(false));
            }
        }

        return new ExplorerOutcome(run, budget.Used, budget.Spent, smallest, leftovers)
        {
            Interrupted = cancellationToken.IsCancellationRequested,
            Error = smallest is null ? error : null,
        };
    }

    /// <summary>Runs one given sequence (a replay, e.g. of a reported minimal one): null when it keeps every
    /// invariant, else the failure with its requests and answers. Its meetings are ended afterwards.</summary>
    public static async Task<ExplorerFailure?> ReplayAsync(ExplorerOptions options, IReadOnlyList<Step> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(steps);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = options.RequestTimeout };
        var sequence = new Sequence(http, options, new Budget(options.RequestBudget), "replay");
        try
        {
            await sequence.RunAsync([.. steps], cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (InvariantBroken broken)
        {
            return sequence.Failure(steps, broken.Message);
        }
        finally
        {
            await sequence.CleanupAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A CsCheck seed string from a number (CsCheck takes its seeds as PCG strings).</summary>
    public static string Seed(ulong seed) => new PCG(1, seed).ToString();

    private sealed class InvariantBroken(string message) : Exception(message);

    /// <summary>Counts every request of the exploration against its budget.</summary>
    internal sealed class Budget(long limit)
    {
        private long _used;

        public long Used => Interlocked.Read(ref _used);

        public bool Spent => Used >= limit;

        public bool Take() => Interlocked.Increment(ref _used) <= limit;
    }

    /// <summary>One sequence's run: its own meetings (prefix, run tag, sequence number, index), what it did to them
    /// (the model the invariants are checked against) and the exchanges for the transcript.</summary>
    /// <summary>Ten hex digits fixed by <paramref name="text"/>: a replayed sequence creates the same meeting IDs.</summary>
    private static string Hex10(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    private sealed class Sequence(HttpClient http, ExplorerOptions options, Budget budget, string number)
    {
        private readonly ApiEndpoint _endpoint = ApiEndpoint.Parse(options.TargetUrl);
        private readonly RequestSigner _signer = new(options.Secret);
        private readonly MeetingModel?[] _meetings = new MeetingModel?[2];
        private readonly StringBuilder _log = new();
        private readonly List<(List<ExplorerExchange> Exchanges, string? Note)> _trace = [];
        private string _step = "";

        public string CurrentStep => _step;

        public string Transcript() => Redactor.Redact(_log.ToString(), options.Secret);

        /// <summary>The failure of <paramref name="steps"/> (this sequence's run of them) with its transcript and
        /// its per-step trace; the steps it never reached are marked so.</summary>
        public ExplorerFailure Failure(IReadOnlyList<Step> steps, string invariant) => new(steps, invariant, Transcript())
        {
            Trace = [.. steps.Select((step, i) => i < _trace.Count
                ? new ExplorerStepTrace(step, _trace[i].Exchanges, _trace[i].Note)
                : new ExplorerStepTrace(step, [], "not reached: the invariant broke at an earlier step") { Reached = false })],
        };

        public async Task RunAsync(Step[] steps, CancellationToken token)
        {
            foreach (var step in steps)
            {
                _step = step.ToString();
                _log.AppendLine(CultureInfo.InvariantCulture, $"## {step}");
                _trace.Add(([], null));
                await DoAsync(step, token).ConfigureAwait(false);
            }
        }

        /// <summary>Why the current step sent nothing (or no more), in the transcript and the trace.</summary>
        private void Note(string note)
        {
            _log.AppendLine(CultureInfo.InvariantCulture, $"({note})");
            if (_trace.Count > 0)
            {
                var (exchanges, previous) = _trace[^1];
                _trace[^1] = (exchanges, previous is null ? note : previous + "; " + note);
            }
        }

        private void Record(string method, Uri url, HttpResponseMessage response, string? body)
        {
            if (_trace.Count > 0)
            {
                _trace[^1].Exchanges.Add(new ExplorerExchange(
                    method,
                    Redactor.Redact(url.AbsoluteUri, options.Secret),
                    (int)response.StatusCode,
                    response.Content.Headers.ContentType?.ToString(),
                    body is null ? null : Redactor.Redact(body, options.Secret)));
            }
        }

        private async Task DoAsync(Step step, CancellationToken token)
        {
            var meeting = _meetings[step.Meeting];
            switch (step.Op)
            {
                case "create":
                    await CreateAsync(step, token).ConfigureAwait(false);
                    return;
                case "getMeetings":
                    await CheckMeetingsAsync(token).ConfigureAwait(false);
                    return;
                case "getRecordings":
                    await CheckSelectionAsync("getRecordings", "recordings/recording", "recordID", step, token).ConfigureAwait(false);
                    return;
                case "getStats":
                    await CheckSelectionAsync("getStats", "stats/meeting", "recordID", step, token).ConfigureAwait(false);
                    return;
            }

            if (meeting is null)
            {
                Note("no such meeting yet: nothing sent");
                return;
            }

            var user = "u" + step.User.ToString(CultureInfo.InvariantCulture);
            switch (step.Op)
            {
                case "join":
                    await JoinAsync(meeting, user, step, token).ConfigureAwait(false);
                    break;
                case "getMeetingInfo":
                    await CheckMeetingInfoAsync(meeting, token).ConfigureAwait(false);
                    break;
                case "end":
                    var ended = await ApiAsync("end", [new("meetingID", meeting.Id), new("password", "mp")], token).ConfigureAwait(false);
                    if (ended?.IsSuccess == true && !meeting.Ended)
                    {
                        meeting.Ended = true;
                        if (options.Presence)
                        {
                            await ControlAsync("/recordings/process", token).ConfigureAwait(false);
                        }
                    }

                    break;
                case "publish" or "delete":
                    await RecordingsActionAsync(meeting, step, token).ConfigureAwait(false);
                    break;
                default:
                    if (meeting.Joined.ContainsKey(user) && !meeting.Ended)
                    {
                        var path = step.Op switch
                        {
                            "connect" => "connect",
                            "voice" => "voice?on=" + (step.Variant % 2 == 0 ? "true" : "false"),
                            "listen-only" => "listen-only?on=true",
                            "webcam" => "webcam",
                            _ => "presenter",
                        };
                        await ControlAsync($"/meetings/{Uri.EscapeDataString(meeting.Id)}/users/{user}/{path}", token).ConfigureAwait(false);
                    }
                    else
                    {
                        Note("user not joined or meeting ended: nothing sent");
                    }

                    break;
            }
        }

        private async Task CreateAsync(Step step, CancellationToken token)
        {
            var index = step.Meeting;
            if (_meetings[index] is { Ended: false })
            {
                Note("meeting already created: nothing sent");
                return;
            }

            // Valid and odd parameters: spaces and non-ASCII in IDs and names, a voice bridge with a leading zero,
            // a dial number with symbols, meta_ values, a recorded meeting, a small maxParticipants.
            var suffix = step.Variant == 4 ? ExplorerOptions.OddIdSuffix : "";
            var id = $"{options.MeetingPrefix}-{options.RunTag}-explore-{number}-m{index}-{Hex10($"{options.RunTag}/{number}/{index}")}{suffix}";
            var parameters = new List<KeyValuePair<string, string?>>
            {
                new("meetingID", id),
                new("name", step.Variant == 3 ? "Réunion  & co <b>" : "explore " + index.ToString(CultureInfo.InvariantCulture)),
                new("attendeePW", "ap"),
                new("moderatorPW", "mp"),
            };
            string? voiceBridge = null;
            switch (step.Variant)
            {
                case 1:
                    voiceBridge = "0" + (7100 + index).ToString(CultureInfo.InvariantCulture);
                    parameters.Add(new("voiceBridge", voiceBridge));
                    break;
                case 2 or 6:
                    parameters.Add(new("record", "true"));
                    parameters.Add(new("meta_presenter", step.Variant == 2 ? "ann" : "bob"));
                    parameters.Add(new("meta_category", "math"));
                    break;
                case 5:
                    parameters.Add(new("dialNumber", "+1 (613) 555-0199"));
                    break;
                case 7:
                    parameters.Add(new("maxParticipants", "2"));
                    break;
            }

            var created = await ApiAsync("create", parameters, token).ConfigureAwait(false);
            if (created is null)
            {
                return;
            }

            Require(created.IsSuccess, $"create of a new meeting with valid parameters answers SUCCESS (got {created.ReturnCode} {created.MessageKey})");
            Require(created.Value("meetingID") == id, $"create echoes meetingID '{id}' (got '{created.Value("meetingID")}')");
            if (voiceBridge is not null)
            {
                Require(created.Value("voiceBridge") == voiceBridge, $"create echoes voiceBridge {voiceBridge} (got '{created.Value("voiceBridge")}')");
            }

            _meetings[index] = new MeetingModel(id, created.Value("createTime") ?? "", voiceBridge, step.Variant is 2 or 6 ? (step.Variant == 2 ? "ann" : "bob") : null);
        }

        private async Task JoinAsync(MeetingModel meeting, string user, Step step, CancellationToken token)
        {
            if (meeting.Ended)
            {
                Note("meeting ended: nothing sent");
                return;
            }

            var moderator = step.Variant % 2 == 0;
            var parameters = new List<KeyValuePair<string, string?>>
            {
                new("fullName", "User " + user + (step.Variant == 5 ? " Ünïcode" : "")),
                new("meetingID", meeting.Id),
                new("password", moderator ? "mp" : "ap"),
                new("userID", user),
                new("redirect", "false"),
            };
            if (step.Variant == 3)
            {
                parameters.Add(new("guest", "true"));
            }

            var joined = await ApiAsync("join", parameters, token).ConfigureAwait(false);
            if (joined?.IsSuccess == true)
            {
                meeting.Joined[user] = moderator;
            }
        }

        /// <summary>getMeetingInfo's own relations: counts against the attendee flags, at most one presenter, the
        /// meeting's identity (ID, createTime, internal ID, voice bridge) stable, attendees only users it joined.</summary>
        private async Task<BbbResponse?> CheckMeetingInfoAsync(MeetingModel meeting, CancellationToken token)
        {
            var info = await ApiAsync("getMeetingInfo", [new("meetingID", meeting.Id), new("password", "mp")], token).ConfigureAwait(false);
            if (info is null || !info.IsSuccess)
            {
                if (info is not null && !meeting.Ended)
                {
                    Fail($"getMeetingInfo of a meeting created and not ended answers SUCCESS (got {info.ReturnCode} {info.MessageKey})");
                }

                return null;
            }

            var attendees = info.Select("attendees/attendee").ToList();
            int Flagged(string flag) => attendees.Count(a => BbbResponse.Value(a, flag) == "true");
            Require(info.Value("meetingID") == meeting.Id, $"getMeetingInfo answers for meetingID '{meeting.Id}' (got '{info.Value("meetingID")}')");
            Require(Number(info, "participantCount") == attendees.Count, $"participantCount {info.Value("participantCount")} equals the {attendees.Count} attendees listed");
            if (info.Has("listenerCount"))
            {
                Require(Number(info, "listenerCount") == Flagged("isListeningOnly"), $"listenerCount {info.Value("listenerCount")} equals the {Flagged("isListeningOnly")} attendees flagged isListeningOnly");
            }

            if (info.Has("voiceParticipantCount"))
            {
                Require(Number(info, "voiceParticipantCount") == Flagged("hasJoinedVoice"), $"voiceParticipantCount {info.Value("voiceParticipantCount")} equals the {Flagged("hasJoinedVoice")} attendees flagged hasJoinedVoice");
            }

            Require(Flagged("isPresenter") <= 1, $"at most one presenter (got {Flagged("isPresenter")})");
            foreach (var attendee in attendees)
            {
                var id = BbbResponse.Value(attendee, "userID") ?? "";
                Require(meeting.Joined.ContainsKey(id), $"every attendee is a user this sequence joined (got userID '{id}')");
            }

            Require(info.Value("createTime") == meeting.CreateTime, $"createTime stays the one create answered ({meeting.CreateTime}; got {info.Value("createTime")})");
            if (meeting.VoiceBridge is not null)
            {
                Require(info.Value("voiceBridge") == meeting.VoiceBridge, $"voiceBridge stays the one create was given ({meeting.VoiceBridge}; got {info.Value("voiceBridge")})");
            }

            if (info.Value("internalMeetingID") is { Length: > 0 } internalId)
            {
                meeting.InternalId ??= internalId;
                Require(internalId == meeting.InternalId, $"internalMeetingID stays {meeting.InternalId} (got {internalId})");
            }

            meeting.HadAttendees |= attendees.Count > 0;
            return info;
        }

        /// <summary>getMeetings against getMeetingInfo: every meeting of the sequence that is created and not ended
        /// is listed, with the same name, createTime and counts as its own getMeetingInfo right after.</summary>
        private async Task CheckMeetingsAsync(CancellationToken token)
        {
            var list = await ApiAsync("getMeetings", [], token).ConfigureAwait(false);
            if (list is null)
            {
                return;
            }

            Require(list.IsSuccess, $"getMeetings answers SUCCESS (got {list.ReturnCode})");
            var entries = list.Select("meetings/meeting").ToList();
            foreach (var meeting in _meetings.OfType<MeetingModel>())
            {
                var entry = entries.FirstOrDefault(e => BbbResponse.Value(e, "meetingID") == meeting.Id);
                if (meeting.Ended)
                {
                    Require(entry is null || BbbResponse.Value(entry, "running") != "true", $"an ended meeting is not listed as running ({meeting.Id})");
                    continue;
                }

                Require(entry is not null, $"getMeetings lists the meeting '{meeting.Id}' created and not ended");
                var info = await CheckMeetingInfoAsync(meeting, token).ConfigureAwait(false);
                if (info is null || entry is null)
                {
                    continue;
                }

                Require(BbbResponse.Value(entry, "createTime") == meeting.CreateTime, $"getMeetings' createTime of '{meeting.Id}' is create's ({meeting.CreateTime}; got {BbbResponse.Value(entry, "createTime")})");
                foreach (var count in new[] { "participantCount", "listenerCount", "voiceParticipantCount" })
                {
                    if (BbbResponse.Value(entry, count) is { } listed && info.Value(count) is { } own)
                    {
                        Require(listed == own, $"getMeetings' {count} of '{meeting.Id}' ({listed}) equals getMeetingInfo's ({own})");
                    }
                }
            }
        }

        /// <summary>A listing with a random ID list (and, for getRecordings, a meta_ filter): every record is of a
        /// listed ID (and has the filtered meta value); the list answers the union of each ID's own answer; after
        /// end, a meeting that had attendees has its stats.</summary>
        private async Task CheckSelectionAsync(string call, string records, string key, Step step, CancellationToken token)
        {
            var created = _meetings.OfType<MeetingModel>().ToList();
            var chosen = created.Where((_, i) => ((step.Variant + 1) & (1 << i)) != 0).Select(m => m.Id).ToList();
            if (chosen.Count == 0)
            {
                chosen = [.. created.Select(m => m.Id)];
            }

            if (chosen.Count == 0)
            {
                Note("no meeting yet: nothing sent");
                return;
            }

            var ids = string.Join(',', chosen) + (step.User == 3 ? $",{options.MeetingPrefix}-{options.RunTag}-unknown-explore" : "");
            var meta = call == "getRecordings" && step.User == 2 ? "ann" : null;
            var parameters = new List<KeyValuePair<string, string?>> { new("meetingID", ids) };
            if (meta is not null)
            {
                parameters.Add(new("meta_presenter", meta));
            }

            var answer = await ApiAsync(call, parameters, token).ConfigureAwait(false);
            if (answer is null)
            {
                return;
            }

            Require(answer.IsSuccess, $"{call} with a meetingID list answers SUCCESS (got {answer.ReturnCode} {answer.MessageKey})");
            var got = answer.Select(records).ToList();
            foreach (var record in got)
            {
                var of = BbbResponse.Value(record, "meetingID") ?? "";
                Require(chosen.Contains(of), $"{call} lists only the listed meetings (got one of '{of}')");
                if (meta is not null)
                {
                    Require(BbbResponse.Value(record, "metadata/presenter") == meta, $"getRecordings with meta_presenter={meta} lists only recordings with that value (got '{BbbResponse.Value(record, "metadata/presenter")}')");
                }
            }

            if (chosen.Count > 1)
            {
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in chosen)
                {
                    var own = new List<KeyValuePair<string, string?>> { new("meetingID", id) };
                    if (meta is not null)
                    {
                        own.Add(new("meta_presenter", meta));
                    }

                    var single = await ApiAsync(call, own, token).ConfigureAwait(false);
                    if (single is null)
                    {
                        return;
                    }

                    union.UnionWith(single.Select(records).Select(r => BbbResponse.Value(r, key) ?? ""));
                }

                var listed = got.Select(r => BbbResponse.Value(r, key) ?? "").ToHashSet(StringComparer.Ordinal);
                Require(listed.SetEquals(union), $"{call} with the list answers the union of each ID's own answer (list: {listed.Count} records, union: {union.Count})");
            }

            if (call == "getStats")
            {
                foreach (var meeting in created.Where(m => m.Ended && m.HadAttendees && chosen.Contains(m.Id)))
                {
                    Require(got.Any(r => BbbResponse.Value(r, "meetingID") == meeting.Id), $"getStats lists the ended meeting '{meeting.Id}', which had attendees");
                }
            }
        }

        private async Task RecordingsActionAsync(MeetingModel meeting, Step step, CancellationToken token)
        {
            var recordings = await ApiAsync("getRecordings", [new("meetingID", meeting.Id)], token).ConfigureAwait(false);
            var ids = recordings?.Select("recordings/recording").Select(r => BbbResponse.Value(r, "recordID") ?? "").Where(r => r.Length > 0).ToList() ?? [];
            if (ids.Count == 0)
            {
                return;
            }

            var recordId = string.Join(',', ids);
            var answer = step.Op == "publish"
                ? await ApiAsync("publishRecordings", [new("recordID", recordId), new("publish", step.Variant % 2 == 0 ? "false" : "true")], token).ConfigureAwait(false)
                : await ApiAsync("deleteRecordings", [new("recordID", recordId)], token).ConfigureAwait(false);
            if (answer is null)
            {
                return;
            }

            Require(answer.IsSuccess, $"{step.Op} of the meeting's own recordings answers SUCCESS (got {answer.ReturnCode} {answer.MessageKey})");
            var after = await ApiAsync("getRecordings", [new("meetingID", meeting.Id)], token).ConfigureAwait(false);
            if (after is null)
            {
                return;
            }

            var left = after.Select("recordings/recording").ToList();
            if (step.Op == "delete")
            {
                Require(left.Count == 0, $"after deleteRecordings, getRecordings lists none of them (got {left.Count})");
            }
            else
            {
                var published = step.Variant % 2 == 0 ? "false" : "true";
                Require(left.All(r => BbbResponse.Value(r, "published") == published), $"after publishRecordings publish={published}, every one is published={published}");
            }
        }

        private async Task<BbbResponse?> ApiAsync(string call, IReadOnlyList<KeyValuePair<string, string?>> parameters, CancellationToken token)
        {
            if (!budget.Take())
            {
                Note("request budget spent: nothing sent");
                return null;
            }

            var url = _signer.Url(_endpoint, call, parameters);
            _log.AppendLine(CultureInfo.InvariantCulture, $"> GET {url.PathAndQuery}");
            using var response = await http.GetAsync(url, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            _log.AppendLine(CultureInfo.InvariantCulture, $"< {(int)response.StatusCode} {body.Trim()}");
            Record("GET", url, response, body);
            if (!BbbResponse.TryParse(body, out var parsed, out var error))
            {
                Fail($"{call} answers a BBB envelope (got HTTP {(int)response.StatusCode}: {error})");
            }

            Require(parsed!.ReturnCode is "SUCCESS" or "FAILED", $"{call}'s returncode is SUCCESS or FAILED (got '{parsed.ReturnCode}')");
            Require(parsed.IsSuccess || !string.IsNullOrEmpty(parsed.ErrorKey), $"a FAILED {call} carries a messageKey");
            return parsed;
        }

        private async Task ControlAsync(string path, CancellationToken token)
        {
            if (!budget.Take())
            {
                return;
            }

            var url = new Uri(_endpoint.ApiRoot.GetLeftPart(UriPartial.Authority) + "/fake" + path);
            _log.AppendLine(CultureInfo.InvariantCulture, $"> POST {url.PathAndQuery}");
            using var response = await http.PostAsync(url, null, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            _log.AppendLine(CultureInfo.InvariantCulture, $"< {(int)response.StatusCode}");
            Record("POST", url, response, body.Length == 0 ? null : body);
        }

        /// <summary>Ends every meeting of the sequence that is still open; returns the IDs that could not be ended.</summary>
        public async Task<IReadOnlyList<string>> CleanupAsync(CancellationToken token)
        {
            var left = new List<string>();
            foreach (var meeting in _meetings.OfType<MeetingModel>().Where(m => !m.Ended))
            {
                try
                {
                    var url = _signer.Url(_endpoint, "end", [new("meetingID", meeting.Id), new("password", "mp")]);
                    budget.Take();
                    using var response = await http.GetAsync(url, token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                    if (!BbbResponse.TryParse(body, out var parsed, out _) || !(parsed.IsSuccess || parsed.ErrorKey == "notFound"))
                    {
                        left.Add(meeting.Id);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    left.Add(meeting.Id);
                }
            }

            return left;
        }

        private static int Number(BbbResponse response, string path) =>
            int.TryParse(response.Value(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

        private void Require(bool holds, string invariant)
        {
            if (!holds)
            {
                Fail(invariant);
            }
        }

        private void Fail(string invariant) => throw new InvariantBroken($"after step '{_step}': {invariant}");
    }

    private sealed class MeetingModel(string id, string createTime, string? voiceBridge, string? presenterMeta)
    {
        public string Id { get; } = id;

        public string CreateTime { get; } = createTime;

        public string? VoiceBridge { get; } = voiceBridge;

        public string? PresenterMeta { get; } = presenterMeta;

        public string? InternalId { get; set; }

        public bool Ended { get; set; }

        public bool HadAttendees { get; set; }

        /// <summary>userID → joined as moderator.</summary>
        public Dictionary<string, bool> Joined { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>One step of a sequence: an operation on meeting <see cref="Meeting"/> (0-1 of the sequence's own),
/// user <see cref="User"/> (u0-u3), with a <see cref="Variant"/> (0-7) choosing parameters.</summary>
public sealed record Step(string Op, int Meeting, int User, int Variant)
{
    /// <summary>Cheapest first: CsCheck shrinks toward lower indices, so a minimal sequence prefers creates and joins.</summary>
    public static readonly string[] AllOps =
        ["create", "join", "getMeetingInfo", "getMeetings", "connect", "voice", "listen-only", "webcam", "presenter", "end", "getStats", "getRecordings", "publish", "delete"];

    public static int Weight(string op) => op switch
    {
        "create" => 4,
        "join" => 5,
        "getMeetingInfo" => 3,
        "getMeetings" or "getStats" or "getRecordings" or "end" => 2,
        _ => 1,
    };

    public static readonly HashSet<string> PresenceOps = new(StringComparer.Ordinal) { "connect", "voice", "listen-only", "webcam", "presenter" };

    public override string ToString() => Op switch
    {
        "getMeetings" => "getMeetings",
        "getStats" or "getRecordings" => $"{Op}(variant {Variant}, {User})",
        "create" or "getMeetingInfo" or "end" or "publish" or "delete" => $"{Op}(m{Meeting}, variant {Variant})",
        _ => $"{Op}(m{Meeting}, u{User}, variant {Variant})",
    };
}
