using Mconf.Conformance.Model;
using Mconf.Conformance.Tests.Support;

namespace Mconf.Conformance.Tests.Kinds;

public sealed class StatsAndChecksumCaseTests
{
    [Test]
    public async Task StatsCall_404_Fails()
    {
        using var target = new CannedTarget();
        var result = await Cases.RunAsync(target, Cases.Real("getStats/response/stats#exists"), "read-only");
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
        var result = await Cases.RunRealAsync("getStats/request/meetingID#one", "getStats", all);
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("expected for meetingID=a only entries of that meeting; got entries of 'b'");
    }

    [Test]
    public async Task StatsOne_NoStats_IsInconclusive()
    {
        var result = await Cases.RunRealAsync("getStats/request/meetingID#one", "getStats", "<response><returncode>SUCCESS</returncode><stats/></response>");
        result.Verdict.ShouldBe(Verdict.Inconclusive);
        result.Message.ShouldContain("no stats");
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
        await using var session = await ConformanceSession.OpenAsync(CannedTarget.Options("read-only"), default, lax);
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
