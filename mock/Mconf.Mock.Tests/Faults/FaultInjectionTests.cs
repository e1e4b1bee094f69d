using System.Diagnostics;
using System.Net;
using Mconf.Mock.Faults;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Faults;

/// <summary>Each fault kind through the C# API (fake.Faults), and when faults fire.</summary>
public sealed class FaultInjectionTests
{
    private FakeApi _api = null!;

    [SetUp]
    public void Start() => _api = FakeApi.Start();

    [TearDown]
    public void Stop() => _api.Dispose();

    private Task<HttpResponseMessage> GetMeetings() => _api.Send("getMeetings", _api.SignedQuery("getMeetings"));

    [Test]
    public async Task Latency_DelaysTheNormalAnswer()
    {
        _api.Server.Faults.For("getMeetings").Latency(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var answer = await _api.CallRaw("getMeetings", _api.SignedQuery("getMeetings"));
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        answer.ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Status_AnswersTheStatusWithATomcatPage()
    {
        _api.Server.Faults.For("getMeetings").Status(503);
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("HTTP Status 503");
    }

    [Test]
    public async Task Drop_ClosesTheConnectionWithoutAnAnswer()
    {
        _api.Server.Faults.For("getMeetings").Drop();
        await Should.ThrowAsync<HttpRequestException>(GetMeetings);
    }

    [Test]
    public async Task Truncate_CutsTheAnswerAfterTheGivenBytes()
    {
        _api.Server.Faults.For("getMeetings").Truncate(30);
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.ShouldBe(30);
        BbbResponse.TryParse(body, out _, out _).ShouldBeFalse();
    }

    [Test]
    public async Task Truncate_ByDefault_KeepsHalf()
    {
        var full = await _api.Text("isMeetingRunning", _api.SignedQuery("isMeetingRunning", ("meetingID", "x")));
        _api.Server.Faults.For("isMeetingRunning").Truncate();
        var cut = await _api.Text("isMeetingRunning", _api.SignedQuery("isMeetingRunning", ("meetingID", "x")));
        cut.ShouldBe(full[..(full.Length / 2)]);
    }

    [Test]
    public async Task Malformed_AnswersXmlThatDoesNotParse()
    {
        _api.Server.Faults.For("getMeetings").Malformed();
        using var response = await GetMeetings();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        BbbResponse.TryParse(await response.Content.ReadAsStringAsync(), out _, out var error).ShouldBeFalse();
        error.ShouldContain("not well-formed");
    }

    [Test]
    public async Task Failed_AnswersFailedWithTheChosenKeyAndMessage()
    {
        _api.Server.Faults.For("create").Failed("tooManyMeetings", "The server is full.");
        var answer = await _api.Call("create", ("meetingID", "m1"));
        (answer.ReturnCode, answer.MessageKey, answer.Message).ShouldBe(("FAILED", "tooManyMeetings", "The server is full."));
    }

    [Test]
    public async Task Failed_WithAKnownKey_UsesTheCatalogueMessage()
    {
        _api.Server.Faults.For("getMeetingInfo").Failed("notFound");
        (await _api.Info("anything")).Message.ShouldBe(Facts.NotFoundInfo);
    }

    [Test]
    public async Task Next_FiresForTheNextCallsOnly()
    {
        var fault = _api.Server.Faults.For("getMeetings").Next(2).Status(503);
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
        _api.Server.Faults.For("getMeetings").Next(1).Status(500);
        _api.Server.Faults.For("getMeetings").Failed("second");
        using (var first = await GetMeetings())
        {
            first.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }

        (await _api.Call("getMeetings")).MessageKey.ShouldBe("second");
    }

    [Test]
    public async Task Fault_OnOneCall_LeavesOtherCallsAlone()
    {
        _api.Server.Faults.For("getMeetings").Status(503);
        (await _api.Call("getRecordings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task EveryCall_AppliesToAllCalls()
    {
        _api.Server.Faults.ForEveryCall().Failed("maintenance");
        (await _api.Call("getRecordings")).MessageKey.ShouldBe("maintenance");
        (await _api.Call("isMeetingRunning", ("meetingID", "x"))).MessageKey.ShouldBe("maintenance");
    }

    [Test]
    public async Task Remove_RestoresTheNormalAnswer()
    {
        var fault = _api.Server.Faults.For("getMeetings").Status(503);
        fault.Remove().ShouldBeTrue();
        (await _api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        _api.Server.WireMock.Mappings.ShouldNotContain(m => m.Title != null && m.Title.StartsWith("Mconf fault", StringComparison.Ordinal));
    }

    [Test]
    public async Task Clear_RemovesEveryFault()
    {
        _api.Server.Faults.For("getMeetings").Status(503);
        _api.Server.Faults.ForEveryCall().Drop();
        _api.Server.Faults.Clear().ShouldBe(2);
        (await _api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        _api.Server.Faults.All.ShouldBeEmpty();
    }

    [Test]
    public void Add_ForACallTheServerDoesNotHave_Throws()
    {
        Should.Throw<ArgumentException>(() => _api.Server.Faults.For("getMeetingz").Drop()).Message.ShouldContain("getMeetingz");
        using var bbb = FakeApi.Start(o => o.Flavour = FakeServerOptions.Bbb09);
        Should.Throw<ArgumentException>(() => bbb.Server.Faults.For("getStats").Drop());
    }

    [Test]
    public async Task Fault_ShowsInTheAdminMappingsAndTheJournal()
    {
        _api.Server.Faults.For("getMeetings").Failed("busy");
        await _api.Call("getMeetings");
        using var mappings = await _api.Http.GetAsync(_api.Root + "/__admin/mappings");
        (await mappings.Content.ReadAsStringAsync()).ShouldContain("Mconf fault: getMeetings");
        var record = _api.Server.Requests.Last();
        (record.Call, record.Fault, record.MessageKey).ShouldBe(("getMeetings", "f1 failed", "busy"));
    }

    [Test]
    public async Task Drop_IsJournalledWithStatusZero()
    {
        _api.Server.Faults.For("getMeetings").Drop();
        await Should.ThrowAsync<HttpRequestException>(GetMeetings);
        var record = _api.Server.Requests.Last();
        (record.Status, record.Fault).ShouldBe((0, "f1 drop"));
    }
}
