namespace Mconf.Conformance.Tests.Kinds;

public sealed class ElementCheckTests
{
    private const string Meetings = "<response><returncode>SUCCESS</returncode><meetings>" +
        "<meeting><meetingID>m1</meetingID><moderatorPW>mp</moderatorPW><voiceBridge>71234</voiceBridge><listenerCount>0</listenerCount></meeting>" +
        "<meeting><meetingID>m2</meetingID><moderatorPW>mp</moderatorPW><voiceBridge>70001</voiceBridge><listenerCount>1</listenerCount></meeting>" +
        "</meetings></response>";

    private static readonly ConformanceCase VoiceBridge = Cases.Element("getMeetings", "meetings/meeting/voiceBridge", "Number", parent: "meetings/meeting");

    private static CannedTarget WithMeetings(string meetings) =>
        new CannedTarget().Answer("getMeetings", meetings).Answer("getMeetingInfo", CannedTarget.Failed("notFound"));

    /// <summary>Runs <paramref name="c"/> read-only against a target whose getMeetings answers <paramref name="meetings"/>.</summary>
    private static async Task<CaseResult> RunOn(string meetings, ConformanceCase c)
    {
        using var target = WithMeetings(meetings);
        return await Cases.RunAsync(target, c, CaseTier.ReadOnly);
    }

    [TestCase("<voiceBridge>71234</voiceBridge>", TestName = "Element_PresentInEveryInstance_Passes")]
    [TestCase("<voiceBridge>\n   71234\n  </voiceBridge>")]
    [TestCase("<voiceBridge> 71234 </voiceBridge><extra>1</extra>")]
    public async Task Element_WhitespaceAndExtras_Pass(string replacement)
    {
        var result = await RunOn(Meetings.Replace("<voiceBridge>71234</voiceBridge>", replacement, StringComparison.Ordinal), VoiceBridge);
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
    }

    [Test]
    public async Task Element_MissingFromOneInstance_FailsWithIdExpectedGotRequestAndBody()
    {
        var result = await RunOn(Meetings.Replace("<voiceBridge>70001</voiceBridge>", "", StringComparison.Ordinal), VoiceBridge);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldStartWith("getMeetings/response/meetings/meeting/voiceBridge: expected <voiceBridge> in every <meetings/meeting>");
        result.Message.ShouldContain("got a <meeting> without it (m2)");
        result.Message.ShouldContain("request: GET http://canned.test/bigbluebutton/api/getMeetings?checksum=***");
        result.Message.ShouldContain("<meetingID>m2</meetingID>");
        result.Message.ShouldNotContain(CannedTarget.Secret);
        result.Evidence.ShouldNotBeEmpty();
        result.Evidence.ShouldAllBe(e => !e.Url.Contains(CannedTarget.Secret) && !System.Text.RegularExpressions.Regex.IsMatch(e.Url, "checksum=[0-9a-f]"));
    }

    [Test]
    public async Task Element_WrongType_FailsNamingTheValue()
    {
        var result = await RunOn(Meetings.Replace("<listenerCount>1</listenerCount>", "<listenerCount>-1</listenerCount>", StringComparison.Ordinal),
            Cases.Element("getMeetings", "meetings/meeting/listenerCount", "Number", parent: "meetings/meeting"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("expected <meetings/meeting/listenerCount> to be an integer >= 0; got '-1'");
    }

    [Test]
    public async Task Element_NoParentInstance_IsInconclusiveWithReason()
    {
        var result = await RunOn(CannedTarget.NoMeetings, VoiceBridge);
        result.Verdict.ShouldBe(Verdict.Inconclusive);
        result.Message.ShouldContain("lists no meeting");
    }

    [TestCase("<messageKey/>")]
    [TestCase("<messageKey></messageKey>")]
    public async Task Element_EmptyStyles_AreTheSame(string messageKey)
    {
        var result = await RunOn(Meetings.Replace("</meetings>", "</meetings>" + messageKey, StringComparison.Ordinal), Cases.Element("getMeetings", "messageKey", "String"));
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
    }

    [Test]
    public async Task Element_OptionalAndAbsent_IsInconclusiveNotPassed()
    {
        var result = await RunOn(Meetings, Cases.Element("getMeetings", "messageKey", "String", presence: "optional"));
        result.Verdict.ShouldBe(Verdict.Inconclusive, result.Message);
        result.Message.ShouldContain("to observe it:");
        result.Witnesses.ShouldBeEmpty();
    }

    [Test]
    public async Task Element_Passing_LeavesAWitnessPerRecord()
    {
        var result = await RunOn(Meetings, VoiceBridge);
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
        result.Witnesses.Select(w => (w.Record, w.Value)).ShouldBe([("meeting m1", "71234"), ("meeting m2", "70001")]);
        result.Witnesses.ShouldAllBe(w => w.SpecId == "getMeetings/response/meetings/meeting/voiceBridge" && w.Request.Contains("getMeetings", StringComparison.Ordinal));
    }

    // The catalogue's own getMeetings envelope cases: messageKey exactly with the empty list (specs/reference.md §3.13).
    [Test]
    public async Task MessageKey_WithANonEmptyList_Fails()
    {
        var result = await RunOn(Meetings.Replace("</meetings>", "</meetings><messageKey>noMeetings</messageKey>", StringComparison.Ordinal),
            Cases.Real("getMeetings/response/messageKey"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("has 2 entries");
    }

    [Test]
    public async Task MessageKey_MissingFromAnEmptyList_Fails()
    {
        var result = await RunOn("<response><returncode>SUCCESS</returncode><meetings/></response>", Cases.Real("getMeetings/response/messageKey"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("is empty");
    }

    [Test]
    public async Task MessageKey_WithAnEmptyList_Passes()
    {
        var result = await RunOn(CannedTarget.NoMeetings, Cases.Real("getMeetings/response/messageKey"));
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
        result.Witnesses.Single().Value.ShouldBe("noMeetings");
    }

    [Test]
    public async Task Meeting_MissingWithoutNoMeetings_Fails()
    {
        var result = await RunOn("<response><returncode>SUCCESS</returncode><meetings/></response>", Cases.Real("getMeetings/response/meetings/meeting"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("messageKey is not noMeetings");
    }

    [Test]
    public async Task Element_GroupWithText_Fails()
    {
        var result = await RunOn("<response><returncode>SUCCESS</returncode><meetings>oops</meetings></response>", Cases.Element("getMeetings", "meetings", "Group"));
        result.Verdict.ShouldBe(Verdict.Failed);
    }

    [Test]
    public async Task Element_CreateInReadOnlyTier_IsSkipped()
    {
        using var target = new CannedTarget();
        var result = await Cases.RunAsync(target, Cases.Element("create", "voiceBridge", "Number"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Skipped);
        target.Requests.ShouldNotContain(r => r.StartsWith("create?", StringComparison.Ordinal));
    }

    [Test]
    public async Task UnknownKind_FailsNamingTheKind()
    {
        using var target = new CannedTarget();
        var result = await Cases.RunAsync(target, Cases.Make("x/response/y#z", "getMeetings", "telepathy"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("case kind 'telepathy'");
    }
}
