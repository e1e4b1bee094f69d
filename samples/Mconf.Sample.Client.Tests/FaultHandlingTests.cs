using Mconf.Sample.Client.Tests.Support;

namespace Mconf.Sample.Client.Tests;

/// <summary>How the client copes with a slow or broken server, using the fake's fault injection.</summary>
public sealed class FaultHandlingTests
{
    private SampleFake _fake = null!;

    [SetUp]
    public void Start() => _fake = new SampleFake();

    [TearDown]
    public void Stop() => _fake.Dispose();

    [Test]
    public async Task Http503_IsRetried_UntilTheServerAnswers()
    {
        _fake.Server.Faults.For("getStats").Next(2).Status(503);
        (await _fake.Client().GetStatsAsync()).ShouldNotBeEmpty();
        _fake.Server.Requests.Count(r => r.Call == "getStats").ShouldBe(3);
    }

    [Test]
    public async Task Http5xx_OnEveryAttempt_GivesUpWithTheLastStatus()
    {
        _fake.Server.Faults.For("getStats").Status(502);
        var error = await Should.ThrowAsync<MconfUnavailableException>(() => _fake.Client(maxAttempts: 2).GetStatsAsync());
        error.LastStatus.ShouldBe(502);
        _fake.Server.Requests.Count(r => r.Call == "getStats").ShouldBe(2);
    }

    [Test]
    public async Task DroppedConnection_IsRetried()
    {
        _fake.Server.Faults.For("getRecordings").Next(1).Drop();
        (await _fake.Client().GetRecordingsAsync()).ShouldNotBeEmpty();
    }

    [Test]
    public async Task SlowServer_TimesOut()
    {
        _fake.Server.Faults.For("isMeetingRunning").Latency(TimeSpan.FromSeconds(3));
        var error = await Should.ThrowAsync<MconfTimeoutException>(() => _fake.Client(timeout: TimeSpan.FromMilliseconds(200)).IsMeetingRunningAsync("m"));
        error.Message.ShouldContain("no answer within 0.2 s");
    }

    [Test]
    public async Task MalformedXml_IsAClearProtocolError()
    {
        _fake.Server.Faults.For("getRecordings").Malformed();
        var error = await Should.ThrowAsync<MconfProtocolException>(() => _fake.Client().GetRecordingsAsync());
        error.Message.ShouldStartWith("The answer to getRecordings is not well-formed XML");
    }

    [Test]
    public async Task TruncatedXml_IsAClearProtocolError()
    {
        _fake.Server.Faults.For("getRecordings").Truncate(64);
        await Should.ThrowAsync<MconfProtocolException>(() => _fake.Client().GetRecordingsAsync());
    }

    [Test]
    public async Task ForcedFailure_SurfacesTheMessageKey()
    {
        _fake.Server.Faults.For("create").Failed("tooManyMeetings", "The server is full.");
        var error = await Should.ThrowAsync<MconfApiException>(() => _fake.Client().CreateMeetingAsync(new CreateMeetingRequest("m", "M")));
        (error.Call, error.MessageKey, error.ServerMessage).ShouldBe(("create", "tooManyMeetings", "The server is full."));
    }
}
