using System.Diagnostics;
using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Tests.Presence;

/// <summary>The presence session end to end: a freshly installed server (nobody connected, no stats) is incomplete
/// without it and conformant, 50 of 50 deltas verified, once the kit's driver plays the users over /fake/; a server
/// with presence broken is caught. Each test has its own target and folder, and mostly waits on the session's polls:
/// they run side by side.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class PresenceSessionRunTests : TempFolderPerTest
{
    /// <summary>What a run without the session cannot verify on a server with no live users and no stats: every
    /// attendee field, the guest parameter, and getStats data.</summary>
    private static readonly string[] UnverifiedWithoutSession =
    [
        "getMeetingInfo/response/attendees/attendee/guest",
        "getMeetingInfo/response/attendees/attendee/waitingForAcceptance",
        "getMeetingInfo/response/attendees/attendee/isPresenter",
        "getMeetingInfo/response/attendees/attendee/isListeningOnly",
        "getMeetingInfo/response/attendees/attendee/hasJoinedVoice",
        "getMeetingInfo/response/attendees/attendee/videoStreams",
        "getMeetingInfo/response/attendees/attendee/videoStreams/streamName",
        "getStats/response/stats/meeting",
        "getStats/response/stats/meeting/meetingID",
        "getStats/response/stats/meeting/meetingName",
        "getStats/response/stats/meeting/recordID",
        "getStats/response/stats/meeting/startTime",
        "getStats/response/stats/meeting/endTime",
        "getStats/response/stats/meeting/participants",
        "getStats/response/stats/meeting/participants/participant",
        "getStats/response/stats/meeting/participants/participant/userID",
        "getStats/response/stats/meeting/participants/participant/userName",
        "getStats/response/stats/meeting/participants/participant/joinTime",
        "getStats/response/stats/meeting/participants/participant/leftTime",
        "join/request/guest",
    ];

    /// <summary>The kinds whose verdict needs a connected attendee: the guest parameter's forms, and the counts and
    /// flags judged on the run's shared meeting.</summary>
    private static readonly string[] JoinKinds = ["guest-join", "count-attendees", "count-flagged", "video-count", "single-presenter"];

    /// <summary>The driver action named by every join case a run could not verify.</summary>
    private const string ConnectAction = "'connect JOIN_URL USER_ID MEETING_ID'";

    /// <summary>A case that needs a connected attendee: one of <see cref="JoinKinds"/>, or any case left inconclusive
    /// because nobody was listed.</summary>
    private static bool IsJoinCase(CaseRecord c) =>
        JoinKinds.Contains(c.Kind) || (c.Verdict == Verdict.Inconclusive && c.Message.Contains("client connects", StringComparison.Ordinal));

    /// <summary>Where a test is about the session only, one ordinary case keeps the run short.</summary>
    private const string OneCase = "create/response/voiceBridge";

    private static Dictionary<string, string?> SecretOf(TestTarget target) => new() { ["MCONF_TARGET__SECRET"] = target.Secret };

    /// <summary>A certification of <paramref name="target"/>, its secret passed as users pass it (the environment).</summary>
    private Task<RunnerRun> CertifyAsync(TestTarget target, params string[] args) =>
        RunnerHarness.CertifyAsync(Folder.Path, SecretOf(target), ["--target", target.BaseUrl, .. args]);

    /// <summary>A certification with the session played by the kit's fake driver.</summary>
    private Task<RunnerRun> DriveAsync(TestTarget target, params string[] args) =>
        CertifyAsync(target, ["--presence-driver", Repository.FakeDriver, .. args]);

    [Test]
    public async Task NoSession_ServerWithNobodyConnected_IsIncompleteNamingEveryUnverifiedDeltaAndTheCommand()
    {
        using var target = PresenceTargets.StartEmpty();

        var run = await CertifyAsync(target);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.LastLine.ShouldStartWith("incomplete: no failure, but Mconf-Live deltas verified: 30 of 50");
        var results = run.Results;
        results.Verdict.ShouldBe(RunVerdict.Incomplete);
        results.Deltas.Where(d => !d.Verified).Select(d => d.Id).ShouldBe(UnverifiedWithoutSession, ignoreOrder: true);
        foreach (var delta in results.Deltas.Where(d => !d.Verified))
        {
            run.Stdout.ShouldContain($"  {delta.Id}: ");
            delta.Reason.ShouldNotBeNullOrWhiteSpace();
            delta.VerifyWith!.ShouldContain("--presence-driver COMMAND");
        }

        // Every join case that saw nobody says which driver action would have connected its user.
        var unverifiedJoins = results.Cases.Where(c => IsJoinCase(c) && c.Verdict == Verdict.Inconclusive).ToList();
        await TestContext.Out.WriteLineAsync($"join cases: {results.Cases.Count(IsJoinCase)}, inconclusive without a driver: {unverifiedJoins.Count}");
        unverifiedJoins.Count.ShouldBeGreaterThan(10);
        unverifiedJoins.ShouldAllBe(c => c.Message.Contains(ConnectAction) && c.Message.Contains("--presence-driver COMMAND"));
        results.Cases.Where(c => c.Kind == "guest-join" && c.Id != "join/request/guest#redirect").ShouldAllBe(c => c.Verdict == Verdict.Inconclusive);
    }

    [Test]
    public async Task GuidedSession_JoinCasesAreNotAskedOfAPerson_TheyStayInconclusiveNamingTheDriverAction()
    {
        using var target = PresenceTargets.StartEmpty();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // The person leaves every step out: nothing else may be asked of them.
        var answers = string.Concat(Enumerable.Repeat("skip\n", PresenceSessionSteps.Actions.Count));
        var context = new RunnerContext { Environment = SecretOf(target), Input = new StringReader(answers) };

        var code = await Runner.RunAsync(["--target", target.BaseUrl, "--presence", "--only", "join/*", "--only", "getMeetingInfo/response/participantCount*", "--out", Folder.Path],
            stdout, stderr, context, timeout.Token);

        code.ShouldBe(ExitCodes.Conformant, stdout.ToString() + stderr);
        var results = new RunnerRun(code, stdout.ToString(), stderr.ToString(), Folder.Path).Results;
        stdout.ToString().ShouldNotContain("Step connect");
        var joins = results.Cases.Where(c => IsJoinCase(c) && c.Verdict == Verdict.Inconclusive).ToList();
        joins.ShouldNotBeEmpty();
        joins.ShouldAllBe(c => c.Message.Contains("a person is not asked for this in guided mode") && c.Message.Contains(ConnectAction));
    }

    [Test]
    public async Task RequireComplete_IncompleteRun_ExitsThree_TheCompletenessGate()
    {
        using var target = PresenceTargets.StartEmpty();

        var flag = await CertifyAsync(target, "--require-complete");
        var environment = SecretOf(target);
        environment["MCONF_RUN__REQUIRECOMPLETE"] = "true";
        var variable = await RunnerHarness.CertifyAsync(Folder.Path, environment, "--target", target.BaseUrl);

        flag.ExitCode.ShouldBe(ExitCodes.Incomplete, flag.Console);
        flag.LastLine.ShouldStartWith("incomplete: ");
        flag.Results.ExitCode.ShouldBe(3);
        variable.ExitCode.ShouldBe(ExitCodes.Incomplete, variable.Console);
    }

    [Test]
    public async Task RequireComplete_CompleteRun_ExitsZero()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--require-complete");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.LastLine.ShouldEndWith("Mconf-Live deltas verified: 50 of 50");
    }

    [Test]
    public async Task DrivenSession_ServerWithNobodyConnected_IsConformantWithEveryDeltaVerified()
    {
        using var target = PresenceTargets.StartEmpty();

        var run = await DriveAsync(target, "--require-complete");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.LastLine.ShouldStartWith("conformant: ");
        run.LastLine.ShouldEndWith("Mconf-Live deltas verified: 50 of 50");
        var results = run.Results;
        results.DeltasVerified.ShouldBe(50);
        results.Cases.Where(c => c.Kind == SessionCases.Kind).ShouldAllBe(c => c.Verdict == Verdict.Passed);
        results.Cases.Count(c => c.Kind == SessionCases.Kind).ShouldBe(SessionCases.All.Count);
        var presence = results.Presence.ShouldNotBeNull();
        presence.Mode.ShouldBe("driver");
        presence.Steps.Select(s => s.Action).ShouldBe([.. PresenceSessionSteps.Actions, "end", "stats", "recording", "publish"]);
        presence.Steps.Where(s => PresenceSessionSteps.Actions.Contains(s.Action)).ShouldAllBe(s => s.Status == PresenceStepOutcome.Observed && s.VerifiedDeltas.Count > 0);
        presence.Steps.Single(s => s.Action == "stats").VerifiedDeltas.ShouldContain("getStats/response/stats/meeting/participants/participant/leftTime");
        presence.Steps.Single(s => s.Action == "recording").VerifiedDeltas.ShouldBe(["getRecordings/request/meta_*"]);
        // The join URLs carry a checksum: the reports keep them redacted.
        presence.Steps.Where(s => s.JoinUrl is not null).ShouldAllBe(s => s.JoinUrl!.Contains("checksum=***"));
        target.Fake.Control.GetState().Meetings.ShouldNotContain(m => m.MeetingId.Contains("-presence-") && m.Running);

        // The driver connected every case's user: no join case is left inconclusive, and each judged what it saw.
        var inconclusive = results.Cases.Where(c => c.Verdict == Verdict.Inconclusive).ToList();
        await TestContext.Out.WriteLineAsync($"join cases: {results.Cases.Count(IsJoinCase)}, inconclusive with the driver: {inconclusive.Count(IsJoinCase)}; " +
            $"inconclusive in all: {inconclusive.Count} ({string.Join(", ", inconclusive.Select(c => c.Id))})");
        inconclusive.Where(IsJoinCase).ShouldBeEmpty(string.Join("\n", inconclusive.Where(IsJoinCase).Select(c => $"{c.Id}: {c.Message}")));
        results.Cases.Where(c => c.Kind == "guest-join").ShouldAllBe(c => c.Verdict == Verdict.Passed);
        // Nothing of the run is left running (the cases' meetings were ended, then their clients closed).
        target.Fake.Control.GetState().Meetings.ShouldNotContain(m => m.Running && m.MeetingId.StartsWith("mconf-conformance", StringComparison.Ordinal));
    }

    /// <summary>Server configurations a real server legitimately has (the fake's options): the driven session and
    /// the whole suite fail nothing, and the variation is reported as an observation where it shows.</summary>
    [TestCase("ALWAYS_ACCEPT", "streams", "613-555-1234")]
    [TestCase("ALWAYS_DENY", "streams", "613-555-1234")]
    [TestCase("ASK_MODERATOR", "participants", "")]
    public async Task DrivenSession_OnEachServerConfiguration_FailsNothing(string guestPolicy, string videoCount, string dialNumber)
    {
        var options = PresenceTargets.EmptyOptions();
        options.GuestPolicy = guestPolicy;
        options.VideoCount = videoCount;
        options.DialNumber = dialNumber;
        using var target = BrokenTargets.Start(options);

        var run = await DriveAsync(target, "--presence-timeout", "10");

        run.Results.Cases.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Message).ShouldBeEmpty();
        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        var observations = run.Results.Cases.SelectMany(c => c.Observations).ToList();
        var session = run.Results.Cases.Where(c => c.Kind == SessionCases.Kind).ToList();
        switch (guestPolicy, videoCount)
        {
            case ("ALWAYS_ACCEPT", _):
                run.LastLine.ShouldEndWith("Mconf-Live deltas verified: 50 of 50");
                session.ShouldAllBe(c => c.Verdict == Verdict.Passed);
                // Once by the session, once by the regular guest case of the same delta.
                session.Count(c => c.Observations.Contains(Kinds.GuestJoinCheck.AcceptsAtOnce)).ShouldBe(1);
                observations.ShouldContain(Kinds.GuestJoinCheck.AcceptsAtOnce);
                break;
            case ("ALWAYS_DENY", _):
                // Nobody lets a guest in: the guest steps and the guest cases cannot be verified, which is no failure
                // (their deltas may still be verified by the users who are not guests).
                session.Single(c => c.Id == "join/request/guest#session-join-guest").Verdict.ShouldBe(Verdict.Skipped);
                run.Results.Cases.Where(c => c.Kind == "guest-join" && c.Verdict == Verdict.Inconclusive)
                    .ShouldAllBe(c => c.Message.Contains("did not connect the user") && c.Message.Contains("guest policy"));
                break;
            default:
                run.LastLine.ShouldEndWith("Mconf-Live deltas verified: 50 of 50");
                session.ShouldAllBe(c => c.Verdict == Verdict.Passed);
                session.Single(c => c.Id == "getMeetings/response/meetings/meeting/videoCount#session-share-second-webcam").Observations
                    .ShouldBe([Kinds.VideoCountCheck.CountsSharers]);
                observations.ShouldContain("create without dialNumber reports an empty dialNumber (the server has no default dial number configured)");
                break;
        }
    }

    [Test]
    public async Task DrivenSession_ServerReportingNobodyInTheAudio_FailsTheVoiceChecks()
    {
        using var target = PresenceTargets.StartDeaf();

        var run = await DriveAsync(target, "--presence-timeout", "1", "--only", OneCase);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        var failed = run.Results.Cases.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Id).ToList();
        failed.ShouldContain("getMeetingInfo/response/attendees/attendee/hasJoinedVoice#session-join-moderator-voice");
        failed.ShouldContain("getMeetingInfo/response/voiceParticipantCount#session-join-moderator-voice");
        failed.ShouldContain("getMeetings/response/meetings/meeting/voiceParticipantCount#session-join-moderator-voice");
        run.Results.Presence!.Steps[0].Status.ShouldBe(PresenceStepOutcome.NotObserved);
    }

    [Test]
    public async Task DrivenSession_ServerWhosePresenceNeverChanges_IsCaught()
    {
        using var target = PresenceTargets.StartFrozen();

        var run = await DriveAsync(target, "--presence-timeout", "1", "--only", OneCase);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        var failedDeltas = run.Results.Cases.Where(c => c.Verdict == Verdict.Failed && c.Kind == SessionCases.Kind).Select(c => c.Spec.Id).ToHashSet();
        foreach (var delta in new[] { "hasJoinedVoice", "isListeningOnly", "isPresenter", "videoStreams/streamName" })
        {
            failedDeltas.ShouldContain("getMeetingInfo/response/attendees/attendee/" + delta);
        }

        failedDeltas.ShouldContain("getMeetings/response/meetings/meeting/videoCount");
        failedDeltas.ShouldContain("getMeetings/response/meetings/meeting/participantCount");
    }

    /// <summary>The session accepts a guest let in at once (guest true, waitingForAcceptance false), never a guest
    /// listed as an ordinary attendee; the regular guest case, whose user the driver connected, fails too.</summary>
    [Test]
    public async Task DrivenSession_GuestListedAsAnOrdinaryAttendee_FailsTheGuestChecks()
    {
        using var target = PresenceTargets.StartGuestBlind();

        var run = await DriveAsync(target, "--presence-timeout", "2", "--only", "join/request/guest#true");

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        var failed = run.Results.Cases.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Id).ToList();
        failed.ShouldContain("getMeetingInfo/response/attendees/attendee/waitingForAcceptance#session-join-guest");
        failed.ShouldContain("join/request/guest#session-join-guest");
        failed.ShouldContain("getMeetingInfo/response/attendees/attendee/guest#session-join-guest");
        failed.ShouldContain("join/request/guest#true");
        run.Results.Cases.SelectMany(c => c.Observations).ShouldNotContain(Kinds.GuestJoinCheck.AcceptsAtOnce);
    }

    /// <summary>meta_ filters ORed or negated by the target: the session's own filter checks fail, each naming the
    /// query that selected otherwise, without any regular meta-filter case in the run; the recording step does not
    /// count the delta as verified.</summary>
    [TestCase("ored", "meta-and", "meta-value-case", "meta-missing-key")]
    [TestCase("negated", "meta-one", "meta-and", "meta-no-match", "meta-value-case", "meta-key-case", "meta-missing-key")]
    public async Task DrivenSession_MetaFiltersNotAnded_FailTheSessionsFilterChecks(string how, params string[] failing)
    {
        static bool Has(IReadOnlyDictionary<string, string> meta, (string Key, string Value) f) => meta.TryGetValue(f.Key, out var v) && v == f.Value;
        Func<IReadOnlyList<(string Key, string Value)>, IReadOnlyDictionary<string, string>, bool> matches = how == "ored"
            ? (filters, meta) => filters.Any(f => Has(meta, f))
            : (filters, meta) => !filters.All(f => Has(meta, f));
        using var target = BrokenTargets.Start(PresenceTargets.EmptyOptions(), Mutations.MetaFilteredBy(how, matches, BrokenTargets.Secret));

        var run = await DriveAsync(target, "--presence-timeout", "2", "--only", OneCase);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        var meta = run.Results.Cases.Where(c => c.Kind == SessionCases.Kind && c.Spec.Id == "getRecordings/request/meta_*").ToList();
        meta.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Id).ShouldBe(failing.Select(f => $"getRecordings/request/meta_*#session-{f}"), ignoreOrder: true);
        meta.Where(c => c.Verdict == Verdict.Failed).ShouldAllBe(c => c.Message.Contains("selected"));

        // Some of its checks passed (ORed filters still select on one filter), yet the step must not claim the delta.
        run.Results.Presence.ShouldNotBeNull().Steps.Single(s => s.Action == "recording").VerifiedDeltas.ShouldNotContain("getRecordings/request/meta_*");
    }

    /// <summary>With one user sharing two webcams, videoCount may be 2 (streams) or 1 (sharers), never 3.</summary>
    [Test]
    public async Task DrivenSession_VideoCountOfNeitherReading_Fails()
    {
        using var target = PresenceTargets.StartVideoMiscounted();

        var run = await DriveAsync(target, "--presence-timeout", "2", "--only", OneCase);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        var failed = run.Results.Cases.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Id).ToList();
        failed.ShouldContain("getMeetings/response/meetings/meeting/videoCount#session-share-second-webcam");
        failed.ShouldContain("getMeetings/response/meetings/meeting/videoCount#session-share-webcam");
    }

    [Test]
    public async Task DrivenSession_SkippedStep_LeavesItsChecksSkippedWithTheReason()
    {
        using var target = PresenceTargets.StartEmpty();

        var run = await DriveAsync(target, "--presence-skip", "share-second-webcam,make-presenter", "--only", OneCase);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.LastLine.ShouldStartWith("incomplete: ");
        var skipped = run.Results.Cases.Where(c => c.Id.EndsWith("#session-share-second-webcam", StringComparison.Ordinal) || c.Id.EndsWith("#session-make-presenter", StringComparison.Ordinal)).ToList();
        skipped.ShouldNotBeEmpty();
        skipped.ShouldAllBe(c => c.Verdict == Verdict.Skipped && c.Message.Contains("--presence-skip"));
        run.Results.Presence!.Steps.Single(s => s.Action == "make-presenter").Status.ShouldBe(PresenceStepOutcome.Skipped);
    }

    [Test]
    public async Task DriverThatFails_SkipsTheStepWithItsStderrLine()
    {
        using var target = PresenceTargets.StartEmpty();

        var run = await CertifyAsync(target, "--presence-driver", "echo \"no bot for $1\" >&2; exit 4; :", "--only", "create/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.LastLine.ShouldStartWith("incomplete: ");
        var step = run.Results.Presence!.Steps[0];
        step.Status.ShouldBe(PresenceStepOutcome.Skipped);
        step.Reason.ShouldBe("the driver exited 4: no bot for join-moderator-voice");
    }

    [Test]
    public async Task InterruptedSession_EndsTheMeeting()
    {
        using var target = PresenceTargets.StartEmpty();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var context = new RunnerContext { Environment = SecretOf(target) };
        // A driver that never finishes (the trailing ":" takes the contract's arguments, so sleep gets only "60"): the
        // run is interrupted while it waits for the first step.
        var run = Runner.RunAsync(["--target", target.BaseUrl, "--presence-driver", "sleep 60; :", "--out", Folder.Path], stdout, stderr, context, cancel.Token);
        var watch = Stopwatch.StartNew();
        while (!target.Fake.Control.GetState().Meetings.Any(m => m.MeetingId.Contains("-presence-", StringComparison.Ordinal)) && !run.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        target.Fake.Control.GetState().Meetings.ShouldContain(m => m.MeetingId.Contains("-presence-", StringComparison.Ordinal),
            $"the session never created its meeting (run {(run.IsCompleted ? "ended" : "still running")} after {watch.Elapsed.TotalSeconds:0.#} s):\n{stdout}{stderr}");
        await cancel.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(ExitCodes.Interrupted, stdout.ToString() + stderr);
        target.Fake.Control.GetState().Meetings.ShouldNotContain(m => m.MeetingId.Contains("-presence-", StringComparison.Ordinal) && m.Running);
        // Nobody connected, so "not running" alone proves nothing: the runner must have sent end for the session's meeting.
        target.Fake.Requests.Snapshot().ShouldContain(
            r => r.Call == "end" && r.Parameters.Any(p => p.Key == "meetingID" && p.Value.Contains("-presence-", StringComparison.Ordinal)),
            "the interrupted session did not end its meeting");
    }
}
