using Mconf.Mock.Api;
using Mconf.Mock.Tests.Support;
using Mconf.Mock.Verification;
using Mconf.Spec;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Verification;

/// <summary>Judging a request as a client check: call, method, required/unknown/deprecated parameters.</summary>
public sealed class RequestJudgeTests
{
    private const string Secret = "s";

    private static RequestJudge Judge(bool mconf = true) =>
        new(new ApiRouter(new ApiContext(Engines.Create(), Secret, ChecksumAlgorithms.All, mconf, AnswerCatalog.Load())), SpecCatalog.Load());

    private static Judgement Signed(string call, string query, bool mconf = true, string method = "GET") =>
        Judge(mconf).Judge(method, "/bigbluebutton/api/" + call, new RequestSigner(Secret).Sign(call, query));

    private static IEnumerable<string> Codes(Judgement j) => j.Problems.Select(p => p.Code);

    [Test]
    public void WellFormedJoin_Passes()
    {
        var j = Signed("join", "fullName=Ann&meetingID=m&password=ap&guest=true&userdata-color=red");
        (j.Call, j.Verdict, j.Problems.Count).ShouldBe(("join", ClientVerdict.Pass, 0));
    }

    [Test]
    public void MissingRequiredParameter_Fails()
    {
        var j = Signed("join", "meetingID=m&password=ap");
        j.Verdict.ShouldBe(ClientVerdict.Fail);
        j.Problems.ShouldContain(p => p.Code == ProblemCodes.MissingRequiredParam && p.Parameter == "fullName");
    }

    [Test]
    public void BlankRequiredParameter_CountsAsMissing() =>
        Signed("isMeetingRunning", "meetingID=+").Problems.Single().Message.ShouldContain("blank");

    [Test]
    public void UnknownParameter_Warns_WithACaseHint()
    {
        var j = Signed("getMeetingInfo", "meetingID=m&meetingId=m");
        j.Verdict.ShouldBe(ClientVerdict.Warn);
        j.Problems.Single().Message.ShouldContain("did you mean 'meetingID'");
    }

    [Test]
    public void MetaAndUserdataParameters_AreNotUnknown()
    {
        Signed("create", "meetingID=m&meta_course=x").Verdict.ShouldBe(ClientVerdict.Pass);
        Signed("getRecordings", "meta_course=x").Verdict.ShouldBe(ClientVerdict.Pass);
    }

    [TestCase("getMeetingInfo", "meetingID=m&password=mp", "password")]
    [TestCase("join", "fullName=A&meetingID=m&password=ap&webVoiceConf=7", "webVoiceConf")]
    public void DeprecatedParameter_Warns(string call, string query, string parameter)
    {
        var j = Signed(call, query);
        j.Verdict.ShouldBe(ClientVerdict.Warn);
        j.Problems.Single().ShouldSatisfyAllConditions(p => p.Code.ShouldBe(ProblemCodes.DeprecatedParam), p => p.Parameter.ShouldBe(parameter));
    }

    [Test]
    public void DeprecatedParameters_AreSpecEntries()
    {
        var spec = SpecCatalog.Load();
        foreach (var id in DeprecatedParameters.Reasons.Keys)
        {
            spec.Find(id).ShouldNotBeNull(id);
        }
    }

    [Test]
    public void MconfParameter_AgainstBbb09_IsUnsupported()
    {
        Signed("join", "fullName=A&meetingID=m&password=ap&guest=true", mconf: false).Problems.Single().Code.ShouldBe(ProblemCodes.UnsupportedParam);
        Signed("getRecordings", "meta_course=x", mconf: false).Problems.Single().Code.ShouldBe(ProblemCodes.UnsupportedParam);
        Signed("create", "meetingID=m&meta_course=x", mconf: false).Verdict.ShouldBe(ClientVerdict.Pass);
    }

    [Test]
    public void UnknownCall_Fails_WithACaseHint()
    {
        var j = Signed("getmeetings", "");
        (j.Verdict, Codes(j).Single()).ShouldBe((ClientVerdict.Fail, ProblemCodes.UnknownCall));
        j.Problems[0].Message.ShouldContain("did you mean 'getMeetings'");
        Signed("getStats", "", mconf: false).Problems.Single().Message.ShouldContain("Mconf-Live call");
    }

    [Test]
    public void NotAnApiPath_IsAnUnknownCall() =>
        Judge().Judge("GET", "/bigbluebutton/demo/demo1.jsp", "").Problems.Single().Code.ShouldBe(ProblemCodes.UnknownCall);

    [Test]
    public void RefusedMethod_Fails() =>
        Codes(Signed("getMeetings", "", method: "POST")).ShouldBe([ProblemCodes.MethodNotAllowed]);

    [Test]
    public void RepeatedParameter_Warns() =>
        Codes(Signed("isMeetingRunning", "meetingID=a&meetingID=b")).ShouldBe([ProblemCodes.RepeatedParam]);

    [Test]
    public void Sha256_Warns_BecauseRealServersAcceptSha1Only()
    {
        var query = new RequestSigner(Secret, ChecksumAlgorithm.Sha256).Sign("getMeetings", "");
        Codes(Judge().Judge("GET", "/bigbluebutton/api/getMeetings", query)).ShouldBe([ProblemCodes.ChecksumNotSha1]);
    }

    [TestCase("/bigbluebutton/api")]
    [TestCase("/bigbluebutton/api/")]
    [TestCase("/bigbluebutton/api/signOut")]
    public void CallsWithoutChecksum_NeedNone(string path)
    {
        var j = Judge().Judge("GET", path, "");
        (j.Signature.Status, j.Verdict).ShouldBe((SignatureStatus.NotRequired, ClientVerdict.Pass));
    }

    [Test]
    public void XmlSuffix_NamesTheSameCall() =>
        Judge().Judge("GET", "/bigbluebutton/api/getMeetings.xml", new RequestSigner(Secret).Sign("getMeetings", "")).ShouldSatisfyAllConditions(
            j => j.Call.ShouldBe("getMeetings"),
            j => j.Verdict.ShouldBe(ClientVerdict.Pass));
}
