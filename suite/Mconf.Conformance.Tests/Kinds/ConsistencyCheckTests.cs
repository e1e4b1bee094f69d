namespace Mconf.Conformance.Tests.Kinds;

/// <summary>Consistency kinds over canned getMeetings/getMeetingInfo answers (read-only tier: observed meetings only).</summary>
public sealed class ConsistencyCheckTests
{
    private static string Info(string listenerCount, params (bool ListenOnly, bool Presenter, int Streams)[] attendees) =>
        "<response><returncode>SUCCESS</returncode><meetingID>m1</meetingID><createTime>1411067830029</createTime>" +
        "<internalMeetingID>183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1411067830029</internalMeetingID>" +
        $"<participantCount>{attendees.Length}</participantCount><listenerCount>{listenerCount}</listenerCount><attendees>" +
        string.Concat(attendees.Select((a, i) =>
            $"<attendee><userID>u{i}</userID><role>VIEWER</role><isPresenter>{(a.Presenter ? "true" : "false")}</isPresenter>" +
            $"<isListeningOnly>{(a.ListenOnly ? "true" : "false")}</isListeningOnly><videoStreams>" +
            string.Concat(Enumerable.Range(0, a.Streams).Select(s => $"<streamName>s{i}-{s}</streamName>")) + "</videoStreams></attendee>")) +
        "</attendees></response>";

    private static CannedTarget Target(string info, string listenerCount = "1", string videoCount = "1") =>
        new CannedTarget()
            .Answer("getMeetings", "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingID>m1</meetingID>" +
                $"<participantCount>2</participantCount><listenerCount>{listenerCount}</listenerCount><videoCount>{videoCount}</videoCount></meeting></meetings></response>")
            .Answer("getMeetingInfo", info);

    [Test]
    public async Task CountFlagged_Consistent_Passes()
    {
        using var target = Target(Info("1", (true, false, 0), (false, true, 1)));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetingInfo/response/listenerCount#flagged"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
    }

    [Test]
    public async Task CountFlagged_Inconsistent_Fails()
    {
        using var target = Target(Info("2", (true, false, 0), (false, true, 1)));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetingInfo/response/listenerCount#flagged"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("expected listenerCount of 'm1' to be 1 (its attendees with isListeningOnly=true); got '2'");
    }

    [Test]
    public async Task CountFlagged_NoAttendees_IsInconclusive()
    {
        using var target = Target(Info("0"));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetingInfo/response/listenerCount#flagged"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Inconclusive);
        result.Message.ShouldContain("no meeting with connected attendees");
    }

    [Test]
    public async Task SameAcrossCalls_Mismatch_Fails()
    {
        using var target = Target(Info("1", (true, false, 0), (false, true, 1)), listenerCount: "0");
        var result = await Cases.RunAsync(target, Cases.Real("getMeetings/response/meetings/meeting/listenerCount#same-as-getMeetingInfo"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
    }

    [Test]
    public async Task VideoCount_EitherReadingConforms_AndIsReported()
    {
        using (var streams = Target(Info("1", (true, false, 0), (false, true, 2)), videoCount: "2"))
        {
            var result = await Cases.RunAsync(streams, Cases.Real("getMeetings/response/meetings/meeting/videoCount#streams"), CaseTier.ReadOnly);
            result.Verdict.ShouldBe(Verdict.Passed);
            result.Observations.ShouldBe([Mconf.Conformance.Kinds.VideoCountCheck.CountsStreams]);
        }

        using (var sharers = Target(Info("1", (true, false, 0), (false, true, 2)), videoCount: "1"))
        {
            var result = await Cases.RunAsync(sharers, Cases.Real("getMeetings/response/meetings/meeting/videoCount#streams"), CaseTier.ReadOnly);
            result.Verdict.ShouldBe(Verdict.Passed);
            result.Observations.ShouldBe([Mconf.Conformance.Kinds.VideoCountCheck.CountsSharers]);
        }

        using var bad = Target(Info("1", (true, false, 0), (false, true, 2)), videoCount: "3");
        (await Cases.RunAsync(bad, Cases.Real("getMeetings/response/meetings/meeting/videoCount#streams"), CaseTier.ReadOnly)).Verdict.ShouldBe(Verdict.Failed);
    }

    [Test]
    public async Task CrossCall_DisagreementThatGoesAway_Passes()
    {
        // The first getMeetings was taken before a user joined; the next read agrees.
        var reads = 0;
        using var target = Target(Info("1", (true, false, 0), (false, true, 1)));
        target.Answer("getMeetings", _ => (200, "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingID>m1</meetingID>" +
            $"<participantCount>{(Interlocked.Increment(ref reads) == 1 ? 1 : 2)}</participantCount><listenerCount>1</listenerCount><videoCount>1</videoCount></meeting></meetings></response>"));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetings/response/meetings/meeting/participantCount#same-as-getMeetingInfo"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
        reads.ShouldBe(2);
    }

    [Test]
    public async Task CrossCall_DisagreementThatKeepsChanging_IsInconclusive()
    {
        var reads = 0;
        using var target = Target(Info("1", (true, false, 0), (false, true, 1)));
        target.Answer("getMeetings", _ => (200, "<response><returncode>SUCCESS</returncode><meetings><meeting><meetingID>m1</meetingID>" +
            $"<participantCount>{10 + Interlocked.Increment(ref reads)}</participantCount><listenerCount>1</listenerCount><videoCount>1</videoCount></meeting></meetings></response>"));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetings/response/meetings/meeting/participantCount#same-as-getMeetingInfo"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Inconclusive, result.Message);
        result.Message.ShouldContain("changed between every pair of reads");
    }

    [Test]
    public async Task CrossCall_StableDisagreement_FailsAfterTwoReads()
    {
        using var target = Target(Info("1", (true, false, 0), (false, true, 1)), listenerCount: "0");
        var result = await Cases.RunAsync(target, Cases.Real("getMeetings/response/meetings/meeting/listenerCount#same-as-getMeetingInfo"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("the same on two fresh reads in a row");
    }

    [Test]
    public async Task SinglePresenter_TwoPresenters_Fails()
    {
        using var target = Target(Info("0", (false, true, 0), (false, true, 0)));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetingInfo/response/attendees/attendee/isPresenter#at-most-one"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("at most 1");
    }

    [Test]
    public async Task InternalMeetingId_WrongShape_Fails()
    {
        using var target = Target(Info("1", (true, false, 0)).Replace("183f0bf3", "000f0bf3", StringComparison.Ordinal));
        var result = await Cases.RunAsync(target, Cases.Real("getMeetingInfo/response/internalMeetingID#sha1-create-time"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("sha1(meetingID)-createTime");
    }
}
