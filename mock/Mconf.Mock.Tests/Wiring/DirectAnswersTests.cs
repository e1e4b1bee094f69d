using System.Net;
using System.Text;
using Mconf.Mock.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Mconf.Mock.Tests.Wiring;

/// <summary>The direct answers (API calls answered before WireMock's matching) against the same fake with every
/// request going through WireMock (DirectAnswers=false, the behaviour before): the same bytes, journal entries
/// and verdicts; user mappings, faults and admin changes still win.</summary>
public sealed class DirectAnswersTests
{
    private static FakeApi Fake(bool direct, Action<FakeServerOptions>? more = null) => FakeApi.Start(o =>
    {
        o.DirectAnswers = direct;
        o.ClockStart = "2026-03-01T10:00:00Z";
        o.ServerUrl = "http://bbb.example.org";
        more?.Invoke(o);
    });

    /// <summary>A session touching every kind of answer: SUCCESS and FAILED envelopes, cached reads, the 302 of
    /// join, Grails' 404 page, the API root, a bad checksum, a percent-encoded path (through WireMock).</summary>
    private static async Task<List<string>> Session(FakeApi api)
    {
        var seen = new List<string>();
        async Task Get(string pathAndQuery)
        {
            using var response = await api.Http.GetAsync(api.Root + pathAndQuery);
            var headers = string.Join("|", new[] { "Cache-Control", "Location" }.Select(h => h + "=" + (response.Headers.TryGetValues(h, out var v) ? string.Join(",", v) : "")));
            seen.Add($"{pathAndQuery} -> {(int)response.StatusCode} {response.Content.Headers.ContentType} {headers}\n{await response.Content.ReadAsStringAsync()}");
        }

        string Q(string call, params (string, string?)[] p) => api.SignedQuery(call, p);
        await Get("/bigbluebutton/api");
        await Get("/bigbluebutton/api/");
        await Get("/bigbluebutton/api/create?" + Q("create", ("meetingID", "direct-1"), ("name", "Direct"), ("attendeePW", "ap"), ("moderatorPW", "mp")));
        await Get("/bigbluebutton/api/join?" + Q("join", ("meetingID", "direct-1"), ("fullName", "Ann"), ("password", "mp")));
        await Get("/bigbluebutton/api/join?" + Q("join", ("meetingID", "direct-1"), ("fullName", "Bob"), ("password", "ap"), ("redirect", "false")));
        await Get("/bigbluebutton/api/getMeetingInfo?" + Q("getMeetingInfo", ("meetingID", "direct-1"), ("password", "mp")));
        await Get("/bigbluebutton/api/getMeetingInfo.xml?" + Q("getMeetingInfo", ("meetingID", "direct-1"), ("password", "mp")));
        await Get("/bigbluebutton/api/getMeetings?" + Q("getMeetings"));
        await Get("/bigbluebutton/api/getMeetings?" + Q("getMeetings"));
        await Get("/bigbluebutton/api/getRecordings?" + Q("getRecordings"));
        await Get("/bigbluebutton/api/getStats?" + Q("getStats"));
        await Get("/bigbluebutton/api/isMeetingRunning?meetingID=direct-1&checksum=0000");
        await Get("/bigbluebutton/api/getMeetings");
        await Get("/bigbluebutton/api/noSuchCall?" + Q("noSuchCall"));
        await Get("/bigbluebutton/elsewhere");
        await Get("/bigbluebutton/api/get%4Deetings?" + Q("getMeetings"));
        await Get("/bigbluebutton/api/end?" + Q("end", ("meetingID", "direct-1"), ("password", "mp")));
        await Get("/bigbluebutton/api/getMeetings?" + Q("getMeetings"));
        return seen;
    }

    [Test]
    public async Task SameAnswers_AsThroughWireMock()
    {
        using var direct = Fake(direct: true);
        using var wireMock = Fake(direct: false);
        var fast = await Session(direct);
        var slow = await Session(wireMock);
        fast.ShouldBe(slow);
        direct.Server.DirectlyAnswered.ShouldBeGreaterThan(10);
        wireMock.Server.DirectlyAnswered.ShouldBe(0);
        direct.Logged.ShouldBeEmpty();
    }

    [Test]
    public async Task SameJournals_AsThroughWireMock()
    {
        using var direct = Fake(direct: true);
        using var wireMock = Fake(direct: false);
        await Session(direct);
        await Session(wireMock);

        static string Entry(WireMock.Logging.ILogEntry e) =>
            $"{e.RequestMessage!.Method} {e.RequestMessage.Path} {e.RequestMessage.RawQuery} {e.MappingTitle} {e.ResponseMessage!.StatusCode} {e.ResponseMessage.BodyData?.BodyAsString}";
        direct.Server.WireMock.LogEntries.Select(Entry).ShouldBe(wireMock.Server.WireMock.LogEntries.Select(Entry));

        static string Judged(Mconf.Mock.Verification.ApiCallRecord r) => $"{r.Method} {r.Call} {r.Status} {r.ReturnCode} {r.MessageKey} {r.Verdict} {r.Signature.Status} {string.Join(",", r.Problems.Select(p => p.Code))}";
        direct.Server.Requests.Select(Judged).ShouldBe(wireMock.Server.Requests.Select(Judged));

        // The admin API reads the directly fed journal like its own.
        using var admin = await direct.Http.GetAsync(direct.Root + "/__admin/requests");
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Content.ReadAsStringAsync()).ShouldContain("/bigbluebutton/api/getMeetingInfo");
    }

    [Test]
    public async Task Journal_StaysBounded()
    {
        using var api = Fake(direct: true, o => o.JournalLimit = 5);
        for (var i = 0; i < 12; i++)
        {
            await api.Call("isMeetingRunning", ("meetingID", "m" + i));
        }

        api.Server.DirectlyAnswered.ShouldBe(12);
        var entries = api.Server.WireMock.LogEntries.ToList();
        entries.Count.ShouldBe(5);
        entries[^1].RequestMessage!.RawQuery!.ShouldContain("meetingID=m11");
        api.Server.Requests.Count.ShouldBe(5);
    }

    [Test]
    public async Task AdminMapping_WinsOverTheDirectAnswer_AndDeletingItRestoresIt()
    {
        using var api = Fake(direct: true);
        const string mapping = """
            { "Priority": 1, "Request": { "Path": "/bigbluebutton/api/getMeetings", "Methods": ["GET"] },
              "Response": { "StatusCode": 200, "Body": "<response><returncode>FAILED</returncode><messageKey>forced</messageKey><message>m</message></response>" } }
            """;
        using var content = new StringContent(mapping, Encoding.UTF8, "application/json");
        using var posted = await api.Http.PostAsync(api.Root + "/__admin/mappings", content);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = api.Server.DirectlyAnswered;

        (await api.Call("getMeetings")).MessageKey.ShouldBe("forced");
        (await api.Call("getRecordings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(before);
        api.Server.Requests.Select(r => r.Call).ShouldBe(["getMeetings", "getRecordings"]);

        var guid = api.Server.WireMock.Mappings.Single(m => m.Priority == 1).Guid;
        using var deleted = await api.Http.DeleteAsync(api.Root + "/__admin/mappings/" + guid);
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(before + 1);
    }

    [Test]
    public async Task CSharpMapping_WinsOverTheDirectAnswer()
    {
        using var api = Fake(direct: true);
        api.Server.WireMock.Given(Request.Create().WithPath("/bigbluebutton/api/isMeetingRunning").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(418).WithBody("teapot"));
        using var response = await api.Send("isMeetingRunning", api.SignedQuery("isMeetingRunning", ("meetingID", "x")));
        ((int)response.StatusCode).ShouldBe(418);
        api.Server.DirectlyAnswered.ShouldBe(0);
    }

    [Test]
    public async Task PutOfABuiltInMapping_ThroughAdmin_IsHonoured()
    {
        // Replacing a mapping keeps the number of mappings; the admin write alone must turn the direct answers off.
        using var api = Fake(direct: true);
        var builtIn = api.Server.WireMock.Mappings.Single(m => m.Title == "BBB API: every call (routed by path)").Guid;
        const string replacement = """
            { "Priority": 1000, "Request": { "Path": "/bigbluebutton/api/getMeetings", "Methods": ["GET"] },
              "Response": { "StatusCode": 200, "Body": "<response><returncode>FAILED</returncode><messageKey>replaced</messageKey><message>m</message></response>" } }
            """;
        using var content = new StringContent(replacement, Encoding.UTF8, "application/json");
        using var put = await api.Http.PutAsync(api.Root + "/__admin/mappings/" + builtIn, content);
        put.IsSuccessStatusCode.ShouldBeTrue();
        (await api.Call("getMeetings")).MessageKey.ShouldBe("replaced");
    }

    [Test]
    public async Task ResetMappings_ThroughAdmin_LeavesNothingToAnswer_AsBefore()
    {
        using var direct = Fake(direct: true);
        using var wireMock = Fake(direct: false);
        foreach (var api in new[] { direct, wireMock })
        {
            using var reset = await api.Http.PostAsync(api.Root + "/__admin/mappings/reset", null);
            reset.IsSuccessStatusCode.ShouldBeTrue();
        }

        using var a = await direct.Send("getMeetings", direct.SignedQuery("getMeetings"));
        using var b = await wireMock.Send("getMeetings", wireMock.SignedQuery("getMeetings"));
        a.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Content.ReadAsStringAsync()).ShouldBe(await b.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Faults_StillFire_AndTheCallIsDirectAgainOnceRemoved()
    {
        using var api = Fake(direct: true);
        var fault = api.Server.Faults.For("getMeetings").Next(1).Failed("injected");
        (await api.Call("getMeetings")).MessageKey.ShouldBe("injected");
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(0);
        api.Server.Requests.First().Fault.ShouldBe(fault.Id + " failed");

        fault.Remove().ShouldBeTrue();
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(1);
    }

    [Test]
    public async Task GlobalProcessingDelay_SendsRequestsThroughWireMock()
    {
        using var api = Fake(direct: true);
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(1);
        api.Server.WireMock.AddGlobalProcessingDelay(TimeSpan.FromMilliseconds(1));
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        api.Server.DirectlyAnswered.ShouldBe(1);
    }

    [Test]
    public async Task RequestsWithABody_GoThroughWireMock()
    {
        using var api = Fake(direct: true);
        using var body = new StringContent("<modules/>", Encoding.UTF8, "text/xml");
        using var response = await api.Http.PostAsync(api.Server.ApiUrl + "create?" + api.SignedQuery("create", ("meetingID", "posted")), body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<meetingID>posted</meetingID>");
        api.Server.DirectlyAnswered.ShouldBe(0);
    }

    [Test]
    public async Task ConcurrentRequests_KeepBothJournalsBounded()
    {
        using var api = Fake(direct: true, o => o.JournalLimit = 20);
        var queries = Enumerable.Range(0, 8).Select(i => api.SignedQuery("isMeetingRunning", ("meetingID", "c" + i))).ToList();
        await Task.WhenAll(queries.Select(async query =>
        {
            for (var n = 0; n < 50; n++)
            {
                (await api.CallRaw("isMeetingRunning", query)).ReturnCode.ShouldBe("SUCCESS");
            }
        }));

        api.Server.DirectlyAnswered.ShouldBe(400);
        api.Server.WireMock.LogEntries.Count().ShouldBe(20);
        api.Server.Requests.Count.ShouldBe(20);
        api.Logged.ShouldBeEmpty();
    }
}
