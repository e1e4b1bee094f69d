using Mconf.Mock.Tests.Support;
using Mconf.Mock.Verification;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Verification;

/// <summary>fake.Requests: the judged journal of API requests, from C#.</summary>
public sealed class RequestJournalTests
{
    [Test]
    public async Task Requests_HoldDecodedParameters_ForLinqAssertions()
    {
        using var api = FakeApi.Start();
        var id = await api.Create();
        await api.Join(id, "Gus Guest", "ap", ("guest", "true"));
        var join = api.Server.Requests.Single(r => r.Call == "join");
        (join.Get("guest"), join.Get("fullName"), join.IsSignedCorrectly, join.Verdict).ShouldBe(("true", "Gus Guest", true, ClientVerdict.Pass));
        (join.Status, join.ReturnCode, join.MessageKey).ShouldBe((200, "SUCCESS", "successfullyJoined"));
        join.Has("checksum").ShouldBeFalse();
        join.Query.ShouldEndWith("checksum=***");
    }

    [Test]
    public async Task Requests_JudgeABadSignatureWithItsCause()
    {
        using var api = FakeApi.Start();
        var upper = "checksum=" + Checksum.Compute("getMeetings", "", api.Server.Secret).ToUpperInvariant();
        (await api.CallRaw("getMeetings", upper)).MessageKey.ShouldBe("checksumError");
        var record = api.Server.Requests.Single();
        (record.Verdict, record.Signature.Cause).ShouldBe((ClientVerdict.Fail, ProblemCodes.ChecksumUppercase));
        record.HasProblem(ProblemCodes.ChecksumUppercase).ShouldBeTrue();
    }

    [Test]
    public async Task Requests_AreBoundedByTheJournalLimit()
    {
        using var api = FakeApi.Start(o => o.JournalLimit = 3);
        for (var i = 0; i < 5; i++)
        {
            await api.Call("isMeetingRunning", ("meetingID", "m" + i));
        }

        api.Server.Requests.Select(r => r.Get("meetingID")).ShouldBe(["m2", "m3", "m4"]);
        api.Server.Requests.Select(r => r.Sequence).ShouldBe([3L, 4L, 5L]);
    }

    [Test]
    public async Task JournalLimitZero_KeepsNothing()
    {
        using var api = FakeApi.Start(o => o.JournalLimit = 0);
        await api.Call("getMeetings");
        api.Server.Requests.Count.ShouldBe(0);
    }

    [Test]
    public async Task Clear_Empties_AndSequenceNumbersGoOn()
    {
        using var api = FakeApi.Start();
        await api.Call("getMeetings");
        api.Server.Requests.Clear();
        api.Server.Requests.ShouldBeEmpty();
        await api.Call("getMeetings");
        api.Server.Requests.Single().Sequence.ShouldBe(2);
    }

    [Test]
    public async Task ControlAndAdminRequests_AreNotJournalled()
    {
        using var api = FakeApi.Start();
        using (await api.Http.GetAsync(api.Root + "/fake/state"))
        using (await api.Http.GetAsync(api.Root + "/__admin/mappings"))
        {
        }

        api.Server.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task UnknownCalls_AreJournalledAndFail()
    {
        using var api = FakeApi.Start();
        using (await api.Send("getMeetingz", api.SignedQuery("getMeetingz")))
        {
        }

        var record = api.Server.Requests.Single();
        (record.Call, record.Status, record.Verdict).ShouldBe(("getMeetingz", 404, ClientVerdict.Fail));
    }

    [Test]
    public async Task Report_SummarisesPerCallAndProblem()
    {
        using var api = FakeApi.Start();
        await api.Call("getMeetings");
        await api.Call("getMeetingInfo", ("meetingID", "x"), ("password", "mp"));
        await api.CallRaw("isMeetingRunning", "meetingID=x&checksum=" + Checksum.Compute("isMeetingRunning", "meetingID=x", "wrong"));
        var report = api.Server.Requests.Report();
        (report.Verdict, report.Requests, report.Passed, report.Warned, report.Failed).ShouldBe(((ClientVerdict?)ClientVerdict.Fail, 3, 1, 1, 1));
        report.Calls["getMeetingInfo"].Warned.ShouldBe(1);
        report.Problems.ShouldBe(new Dictionary<string, int> { [ProblemCodes.ChecksumWrongSecret] = 1, [ProblemCodes.DeprecatedParam] = 1 });
        report.Summary.ShouldBe("fail: 3 requests, 1 passed, 1 warned, 1 failed (checksum-wrong-secret x1, deprecated-param x1)");
        report.ToText().ShouldContain("[error] checksum-wrong-secret x1 (first: #3 isMeetingRunning)");
    }

    [Test]
    public void Report_WithNoRequests_IsInconclusive()
    {
        using var api = FakeApi.Start();
        var report = api.Server.Requests.Report();
        report.Verdict.ShouldBeNull();
        report.Summary.ShouldStartWith("inconclusive");
    }
}
