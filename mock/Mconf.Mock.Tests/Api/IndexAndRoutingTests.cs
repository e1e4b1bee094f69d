using System.Net;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

public sealed class IndexAndRoutingTests : FakeApiFixture
{
    [TestCase("/bigbluebutton/api")]
    [TestCase("/bigbluebutton/api/")]
    [TestCase("/bigbluebutton/api/index")]
    public async Task ApiRoot_AnswersTheVersionWithoutChecksum(string path)
    {
        var answer = await RawHttp.Send(Api.Server.WireMock.Port, "GET", path);
        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("<response><returncode>SUCCESS</returncode><version>0.9</version></response>");
        answer.Headers["Content-Type"].ShouldBe("text/xml;charset=utf-8");
    }

    [TestCase("GET", "/bigbluebutton/api/noSuchCall")]
    [TestCase("GET", "/bigbluebutton/api/GETMEETINGS")]
    [TestCase("GET", "/bigbluebutton/api/getMeetings/extra")]
    [TestCase("POST", "/bigbluebutton/api/getMeetings")]
    [TestCase("POST", "/bigbluebutton/api/getRecordings")]
    [TestCase("GET", "/bigbluebutton/api/setConfigXML")]
    [TestCase("GET", "/bigbluebutton/other")]
    [TestCase("DELETE", "/bigbluebutton/api/../x")]
    public async Task UnknownCallsAndRefusedMethods_AreGrails404NotXml(string method, string path)
    {
        var answer = await RawHttp.Send(Api.Server.WireMock.Port, method, path + "?checksum=x");
        answer.Status.ShouldBe(404);
        answer.Headers["Content-Type"].ShouldStartWith("text/html");
        answer.Body.ShouldNotContain("<response>");
    }

    [Test]
    public async Task XmlSuffix_RoutesToTheCall()
    {
        var query = Api.SignedQuery("getMeetings");
        var body = await Api.Text("getMeetings.xml", query);
        body.ShouldStartWith("<response><returncode>SUCCESS</returncode>");
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task OtherCalls_AcceptAnyMethod(string method)
    {
        var id = FakeApi.Unique();
        var response = await Api.CallRaw("isMeetingRunning", Api.SignedQuery("isMeetingRunning", ("meetingID", id)), new HttpMethod(method));
        response.Value("running").ShouldBe("false");
    }

    [Test]
    public async Task Join_DefaultRedirectsToTheClientWithoutQuery()
    {
        var id = await Api.Create();
        using var response = await Api.Send("join", Api.SignedQuery("join", ("fullName", "Ann"), ("meetingID", id), ("password", "ap")));
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.ToString().ShouldBe(Api.Root + "/client/MconfLive.html");
    }

    [Test]
    public async Task Responses_AreOneLineWithoutXmlDeclaration()
    {
        var body = await Api.Text("getMeetings", Api.SignedQuery("getMeetings"));
        body.ShouldNotContain("<?xml");
        body.ShouldNotContain("\n");
        body.ShouldStartWith("<response>");
    }
}
