using System.Diagnostics;
using System.Net;
using System.Text;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Faults;

/// <summary>The plain WireMock mappings samples/README.md documents for each fault kind, posted to
/// /__admin/mappings (so any language, and any WireMock, can use them).</summary>
public sealed class AdminMappingFaultTests : FakeApiPerTest
{
    private async Task Post(string mapping)
    {
        using var content = new StringContent(mapping, Encoding.UTF8, "application/json");
        using var response = await Api.Http.PostAsync(Api.Root + "/__admin/mappings", content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A mapping that answers getMeetings, whatever the method, with <paramref name="response"/>.</summary>
    private Task PostGetMeetings(string response) =>
        Post($$"""{ "Priority": 50, "Request": { "Path": "/bigbluebutton/api/getMeetings" }, "Response": {{response}} }""");

    private Task<HttpResponseMessage> GetMeetings() => Api.Send("getMeetings", Api.SignedQuery("getMeetings"));

    [Test]
    public async Task LatencyMapping_DelaysAStaticAnswer()
    {
        await Post("""
            { "Priority": 50,
              "Request": { "Path": "/bigbluebutton/api/getMeetings", "Methods": ["GET"] },
              "Response": { "Delay": 300, "StatusCode": 200, "Headers": { "Content-Type": "text/xml;charset=utf-8" },
                            "Body": "<response><returncode>SUCCESS</returncode><meetings/></response>" } }
            """);
        var watch = Stopwatch.StartNew();
        using var response = await GetMeetings();
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        BbbResponse.Parse(await response.Content.ReadAsStringAsync()).IsSuccess.ShouldBeTrue();
    }

    [Test]
    public async Task StatusMapping_Answers503()
    {
        await PostGetMeetings("""{ "StatusCode": 503, "Headers": { "Content-Type": "text/html" }, "Body": "<h1>HTTP Status 503</h1>" }""");
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task DropHeader_ClosesTheConnection()
    {
        await PostGetMeetings("""{ "Headers": { "X-Mconf-Fake-Fault": "drop" } }""");
        await Should.ThrowAsync<HttpRequestException>(GetMeetings);
    }

    [Test]
    public async Task EmptyResponse_WireMocksOwnFault_IsAnEmptyBody()
    {
        await PostGetMeetings("""{ "Fault": { "Type": "EMPTY_RESPONSE" } }""");
        using var response = await GetMeetings();
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [TestCase("<response><returncode>SUCC")]
    [TestCase("<response><returncode>SUCCESS</returnCode></response>")]
    public async Task TruncatedOrMalformedBody_DoesNotParse(string body)
    {
        await PostGetMeetings($$"""{ "StatusCode": 200, "Headers": { "Content-Type": "text/xml;charset=utf-8" }, "Body": "{{body}}" }""");
        using var response = await GetMeetings();
        BbbResponse.TryParse(await response.Content.ReadAsStringAsync(), out _, out _).ShouldBeFalse();
    }

    [Test]
    public async Task FailedBody_GivesTheChosenMessageKey()
    {
        await Post("""
            { "Priority": 50,
              "Request": { "Path": "/bigbluebutton/api/create" },
              "Response": { "StatusCode": 200, "Headers": { "Content-Type": "text/xml;charset=utf-8" },
                            "Body": "<response><returncode>FAILED</returncode><messageKey>idNotUnique</messageKey><message>A meeting already exists with that meeting ID.</message></response>" } }
            """);
        (await Api.Call("create", ("meetingID", "m"))).MessageKey.ShouldBe("idNotUnique");
    }

    [Test]
    public async Task ScenarioWithTimesInSameState_FailsTheNextTwoCallsOnly()
    {
        await Post("""
            { "Priority": 50, "Scenario": "getMeetings-down-twice", "SetStateTo": "recovered", "TimesInSameState": 2,
              "Request": { "Path": "/bigbluebutton/api/getMeetings" },
              "Response": { "StatusCode": 503 } }
            """);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetMeetings();
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
    }

    [Test]
    public async Task WildcardPathMapping_FailsEveryCall()
    {
        await Post("""
            { "Priority": 50,
              "Request": { "Path": { "Matchers": [ { "Name": "WildcardMatcher", "Pattern": "/bigbluebutton/api/*" } ] } },
              "Response": { "StatusCode": 200, "Headers": { "Content-Type": "text/xml;charset=utf-8" },
                            "Body": "<response><returncode>FAILED</returncode><messageKey>maintenance</messageKey><message>Down for maintenance.</message></response>" } }
            """);
        (await Api.Call("getRecordings")).MessageKey.ShouldBe("maintenance");
        (await Api.Call("isMeetingRunning", ("meetingID", "x"))).MessageKey.ShouldBe("maintenance");
    }

    [Test]
    public async Task Probability_Zero_NeverFires()
    {
        await Post("""
            { "Priority": 50, "Probability": 0.0,
              "Request": { "Path": "/bigbluebutton/api/getMeetings" },
              "Response": { "StatusCode": 503 } }
            """);
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
