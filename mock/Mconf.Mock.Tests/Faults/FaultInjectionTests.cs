using System.Diagnostics;
using System.Net;
using Mconf.Mock.Faults;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Faults;

/// <summary>Each fault kind through the C# API (fake.Faults), and when faults fire.</summary>
public sealed class FaultInjectionTests : FakeApiPerTest
{
    private Task<HttpResponseMessage> GetMeetings() => Api.Send("getMeetings", Api.SignedQuery("getMeetings"));

    [Test]
    public async Task Latency_DelaysTheNormalAnswer()
    {
        Api.Server.Faults.For("getMeetings").Latency(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var answer = await Api.CallRaw("getMeetings", Api.SignedQuery("getMeetings"));
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        answer.ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Status_AnswersTheStatusWithATomcatPage()
    {
        Api.Server.Faults.For("getMeetings").Status(503);
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("HTTP Status 503");
    }

    [Test]
    public async Task Drop_ClosesTheConnectionWithoutAnAnswer()
    {
        Api.Server.Faults.For("getMeetings").Drop();
        await Should.ThrowAsync<HttpRequestException>(GetMeetings);
    }

    [Test]
    public async Task Truncate_CutsTheAnswerAfterTheGivenBytes()
    {
        Api.Server.Faults.For("getMeetings").Truncate(30);
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.ShouldBe(30);
        BbbResponse.TryParse(body, out _, out _).ShouldBeFalse();
    }

    [Test]
    public async Task Truncate_ByDefault_KeepsHalf()
    {
        var full = await Api.Text("isMeetingRunning", Api.SignedQuery("isMeetingRunning", ("meetingID", "x")));
        Api.Server.Faults.For("isMeetingRunning").Truncate();
        var cut = await Api.Text("isMeetingRunning", Api.SignedQuery("isMeetingRunning", ("meetingID", "x")));
        cut.ShouldBe(full[..(full.Length / 2)]);
    }

    [Test]
    public async Task Malformed_AnswersXmlThatDoesNotParse()
    {
        Api.Server.Faults.For("getMeetings").Malformed();
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        BbbResponse.TryParse(await response.Content.ReadAsStringAsync(), out _, out var error).ShouldBeFalse();
        error.ShouldContain("not well-formed");
    }

    [Test]
    public async Task Failed_AnswersFailedWithTheChosenKeyAndMessage()
    {
        Api.Server.Faults.For("create").Failed("tooManyMeetings", "The server is full.");
        var answer = await Api.Call("create", ("meetingID", "m1"));
        (answer.ReturnCode, answer.MessageKey, answer.Message).ShouldBe(("FAILED", "tooManyMeetings", "The server is full."));
    }

    [Test]
    public async Task Failed_WithAKnownKey_UsesTheCatalogueMessage()
    {
        Api.Server.Faults.For("getMeetingInfo").Failed("notFound");
        (await Api.Info("anything")).Message.ShouldBe(Facts.NotFoundInfo);
    }

    [Test]
    public async Task Next_FiresForTheNextCallsOnly()
    {
        var fault = Api.Server.Faults.For("getMeetings").Next(2).Status(503);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetMeetings();
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        (fault.Fired, fault.Remaining, fault.Active).ShouldBe((2, (int?)0, false));
    }

    [Test]
    public async Task Percent_RepeatsForTheSameSeed()
    {
        async Task<string> Pattern(int seed)
        {
            using var api = FakeApi.Start(o => o.Seed = seed);
            api.Server.Faults.For("isMeetingRunning").Percent(50).Failed("busy");
            var pattern = "";
            for (var i = 0; i < 24; i++)
            {
                pattern += (await api.Call("isMeetingRunning", ("meetingID", "x"))).MessageKey == "busy" ? 'F' : '.';
            }

            return pattern;
        }

        var first = await Pattern(7);
        (await Pattern(7)).ShouldBe(first);
        first.ShouldContain('F');
        first.ShouldContain('.');
    }

    [Test]
    public async Task Faults_OfOneCall_FireInRegistrationOrder()
    {
        Api.Server.Faults.For("getMeetings").Next(1).Status(500);
        Api.Server.Faults.For("getMeetings").Failed("second");
        using (var first = await GetMeetings())
        {
            first.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }

        (await Api.Call("getMeetings")).MessageKey.ShouldBe("second");
    }

    [Test]
    public async Task Fault_OnOneCall_LeavesOtherCallsAlone()
    {
        Api.Server.Faults.For("getMeetings").Status(503);
        (await Api.Call("getRecordings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task EveryCall_AppliesToAllCalls()
    {
        Api.Server.Faults.ForEveryCall().Failed("maintenance");
        (await Api.Call("getRecordings")).MessageKey.ShouldBe("maintenance");
        (await Api.Call("isMeetingRunning", ("meetingID", "x"))).MessageKey.ShouldBe("maintenance");
    }

    [Test]
    public async Task Remove_RestoresTheNormalAnswer()
    {
        var fault = Api.Server.Faults.For("getMeetings").Status(503);
        fault.Remove().ShouldBeTrue();
        (await Api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        Api.Server.WireMock.Mappings.ShouldNotContain(m => m.Title != null && m.Title.StartsWith("Mconf fault", StringComparison.Ordinal));
    }

    [Test]
    public async Task Clear_RemovesEveryFault()
    {
        Api.Server.Faults.For("getMeetings").Status(503);
        Api.Server.Faults.ForEveryCall().Drop();
        Api.Server.Faults.Clear().ShouldBe(2);
        (await Api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        Api.Server.Faults.All.ShouldBeEmpty();
    }

    [Test]
    public void Add_ForACallTheServerDoesNotHave_Throws()
    {
        Should.Throw<ArgumentException>(() => Api.Server.Faults.For("getMeetingz").Drop()).Message.ShouldContain("getMeetingz");
        using var bbb = FakeApi.Start(o => o.Flavour = FakeServerOptions.Bbb09);
        Should.Throw<ArgumentException>(() => bbb.Server.Faults.For("getStats").Drop());
    }

    [Test]
    public async Task Fault_ShowsInTheAdminMappingsAndTheJournal()
    {
        Api.Server.Faults.For("getMeetings").Failed("busy");
        await Api.Call("getMeetings");
        using var mappings = await Api.Http.GetAsync(Api.Root + "/__admin/mappings");
        (await mappings.Content.ReadAsStringAsync()).ShouldContain("Mconf fault: getMeetings");
        var record = Api.Server.Requests.Last();
        (record.Call, record.Fault, record.MessageKey).ShouldBe(("getMeetings", "f1 failed", "busy"));
    }

    [Test]
    public async Task Drop_IsJournalledWithStatusZero()
    {
        Api.Server.Faults.For("getMeetings").Drop();
        await Should.ThrowAsync<HttpRequestException>(GetMeetings);
        var record = Api.Server.Requests.Last();
        (record.Status, record.Fault).ShouldBe((0, "f1 drop"));
    }
}
