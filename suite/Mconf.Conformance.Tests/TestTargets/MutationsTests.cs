using Mconf.Spec.Xml;

namespace Mconf.Conformance.Tests.TestTargets;

public sealed class MutationsTests
{
    private const string Answer = "<response><returncode>SUCCESS</returncode><meetingID>m</meetingID><voiceBridge>71234</voiceBridge>" +
        "<metadata><k><![CDATA[v]]></k></metadata><messageKey></messageKey></response>";

    private static string Apply(Mutation mutation, string call = "create", string body = Answer) =>
        mutation.Response!(new ProxyRequest(call, "GET", "/bigbluebutton/api/" + call, ""), new ProxyResponse(200, "text/xml", body)).Body;

    [Test]
    public void RemoveElement_RemovesOnlyFromThatCall()
    {
        BbbResponse.Parse(Apply(Mutations.RemoveElement("create", "voiceBridge"))).Has("voiceBridge").ShouldBeFalse();
        BbbResponse.Parse(Apply(Mutations.RemoveElement("create", "voiceBridge"), "getMeetingInfo")).Has("voiceBridge").ShouldBeTrue();
    }

    [Test]
    public void ReorderChildren_KeepsReturnCodeFirst()
    {
        var xml = BbbResponse.Parse(Apply(Mutations.ReorderChildren()));
        xml.Root.Elements().First().Name.LocalName.ShouldBe("returncode");
        xml.Root.Elements().Skip(1).First().Name.LocalName.ShouldBe("messageKey");
    }

    [Test]
    public void AddExtraElements_LeavesMetadataAlone()
    {
        var xml = BbbResponse.Parse(Apply(Mutations.AddExtraElements()));
        xml.Has("conformanceExtra").ShouldBeTrue();
        xml.Select("metadata").Single().Elements().Count().ShouldBe(1);
    }

    [Test]
    public void Whitespace_KeepsTrimmedValues()
    {
        var text = Apply(Mutations.Whitespace());
        text.ShouldContain("\n");
        BbbResponse.Parse(text).Value("voiceBridge").ShouldBe("71234");
        BbbResponse.Parse(text).Value("metadata/k").ShouldBe("v");
    }

    [TestCase(true, "<messageKey />")]
    [TestCase(false, "<messageKey></messageKey>")]
    public void EmptyElements_SwitchStyle(bool selfClosing, string expected) =>
        Apply(Mutations.EmptyElements(selfClosing), body: Answer.Replace("<messageKey></messageKey>", "<messageKey/>", StringComparison.Ordinal))
            .ShouldContain(selfClosing ? "<messageKey />" : expected);

    [Test]
    public void IgnoreParam_DropsItAndReSigns()
    {
        const string secret = "s3cret";
        var signer = new RequestSigner(secret);
        var query = signer.SignedQuery("getRecordings", [new("meta_presenter", "joe"), new("meetingID", "x y"), new("meta_category", "edu")]);
        var request = Mutations.IgnoreParam("getRecordings", "meta_*", secret).Request!(new ProxyRequest("getRecordings", "GET", "/bigbluebutton/api/getRecordings", query));
        request.RawQuery.ShouldNotContain("meta_");
        request.RawQuery.ShouldStartWith("meetingID=x+y&checksum=");
        ServerChecksum.Verify("getRecordings", request.RawQuery, secret, [ChecksumAlgorithm.Sha1]).IsValid.ShouldBeTrue();
    }

    [Test]
    public void NotFound_AnswersHtml404ForThatCallOnly()
    {
        var mutation = Mutations.NotFound("getStats");
        mutation.Answer!(new ProxyRequest("getStats", "GET", "/bigbluebutton/api/getStats", ""))!.Status.ShouldBe(404);
        mutation.Answer!(new ProxyRequest("getMeetings", "GET", "/bigbluebutton/api/getMeetings", "")).ShouldBeNull();
    }

    [TestCase("/bigbluebutton/api/getMeetings", "getMeetings")]
    [TestCase("/bigbluebutton/api/", "")]
    [TestCase("/bigbluebutton/api", "")]
    public void CallName_ReadsThePath(string path, string call) => MutatingProxy.CallName(path).ShouldBe(call);

    [Test]
    public void Lacking_MapsSpecIdsToMutations()
    {
        BrokenTargets.Lacking("create/response/voiceBridge", "s").Name.ShouldBe("remove <voiceBridge> from create");
        BrokenTargets.Lacking("join/request/guest", "s").Name.ShouldBe("ignore guest on join");
        BrokenTargets.Lacking("getStats", "s").Name.ShouldBe("404 for getStats");
    }
}
