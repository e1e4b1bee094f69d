namespace Mconf.Conformance.Tests.Kinds;

public sealed class StatsAndChecksumCheckTests
{
    [Test]
    public async Task StatsCall_404_Fails()
    {
        using var target = new CannedTarget();
        var result = await Cases.RunAsync(target, Cases.Real("getStats/response/stats#exists"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("HTTP 404");
    }

    [TestCase("<response><returncode>SUCCESS</returncode><stats/></response>")]
    [TestCase("<response><returncode>SUCCESS</returncode><stats></stats><messageKey>noStats</messageKey><message>x</message></response>")]
    [TestCase("<response><returncode>SUCCESS</returncode><messageKey>noStats</messageKey></response>")]
    public async Task StatsUnknown_EmptyAnswerShapes_Pass(string empty)
    {
        var result = await Cases.RunRealAsync("getStats/request/meetingID#unknown", "getStats", empty);
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
    }

    [Test]
    public async Task StatsOne_SelectionIgnored_Fails()
    {
        const string all = "<response><returncode>SUCCESS</returncode><stats>" +
            "<meeting><meetingID>a</meetingID></meeting><meeting><meetingID>b</meetingID></meeting><meeting><meetingID>b</meetingID></meeting></stats></response>";
        // A recording of meeting a is the witness that a has stats (seen in another call than the one judged).
        using var target = new CannedTarget().Answer("getStats", all).Answer("getRecordings", Recordings("a"));
        var result = await Cases.RunAsync(target, Cases.Real("getStats/request/meetingID#one"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("expected for meetingID=a only entries of that meeting; got entries of 'b'");
    }

    [Test]
    public async Task StatsOne_WithoutAWitness_IsInconclusiveNeverPassed()
    {
        // The same consistent answer, but no other call names a meeting: nothing independent to judge it against.
        const string one = "<response><returncode>SUCCESS</returncode><stats><meeting><meetingID>a</meetingID></meeting></stats></response>";
        var result = await Cases.RunRealAsync("getStats/request/meetingID#one", "getStats", one);
        result.Verdict.ShouldBe(Verdict.Inconclusive);
        result.Message.ShouldContain("without such a witness");
    }

    [Test]
    public async Task StatsAbsent_UnfilteredMissingAWitness_Fails()
    {
        // getStats?meetingID=a lists a's entry, the unfiltered answer leaves it out: judged against the witness.
        using var target = new CannedTarget()
            .Answer("getStats", query => (200, query.Contains("meetingID=a", StringComparison.Ordinal)
                ? "<response><returncode>SUCCESS</returncode><stats><meeting><meetingID>a</meetingID></meeting></stats></response>"
                : "<response><returncode>SUCCESS</returncode><stats/><messageKey>noStats</messageKey></response>"))
            .Answer("getRecordings", Recordings("a"));
        var result = await Cases.RunAsync(target, Cases.Real("getStats/request/meetingID#absent"), CaseTier.ReadOnly);
        result.Verdict.ShouldBe(Verdict.Failed, result.Message);
        result.Message.ShouldContain("to list every entry of 'a'");
    }

    private static string Recordings(string meetingId) =>
        "<response><returncode>SUCCESS</returncode><recordings><recording><recordID>r1</recordID><meetingID>" + meetingId +
        "</meetingID><metadata/></recording></recordings></response>";

    [Test]
    public async Task StatsOne_NoStats_IsInconclusive()
    {
        var result = await Cases.RunRealAsync("getStats/request/meetingID#one", "getStats", "<response><returncode>SUCCESS</returncode><stats/></response>");
        result.Verdict.ShouldBe(Verdict.Inconclusive);
        result.Message.ShouldContain("no meeting is known to have stats");
    }

    [TestCase("error/checksumError#missing")]
    [TestCase("error/checksumError#wrong")]
    [TestCase("error/checksumError#other-secret")]
    [TestCase("error/checksumError#uppercase")]
    [TestCase("error/checksumError#position")]
    [TestCase("error/checksumError#plus-or-percent")]
    public async Task Checksum_AgainstAStrictTarget_Passes(string id)
    {
        var result = await Cases.RunRealAsync(id, "isMeetingRunning", "<response><returncode>SUCCESS</returncode><running>false</running></response>");
        result.Verdict.ShouldBe(Verdict.Passed, result.Message);
    }

    [Test]
    public async Task Checksum_TargetAcceptingAnything_Fails()
    {
        using var target = new CannedTarget();
        target.Answers.Remove("getMeetings");
        var lax = new LaxTarget(target);
        await using var session = await ConformanceSession.OpenAsync(CannedTarget.Options(CaseTier.ReadOnly), default, lax);
        var result = await session.RunCaseAsync(Cases.Real("error/checksumError#wrong"));
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("expected returncode FAILED with messageKey checksumError; got returncode SUCCESS");
    }

    /// <summary>Answers getMeetings SUCCESS whatever the checksum.</summary>
    private sealed class LaxTarget(CannedTarget inner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("getMeetings", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(CannedTarget.NoMeetings) })
                : new HttpMessageInvoker(inner).SendAsync(request, cancellationToken);
    }
}
