using Mconf.Sample.Client.Tests.Support;

namespace Mconf.Sample.Client.Tests;

/// <summary>How the client copes with a slow or broken server, using the fake's fault injection.</summary>
public sealed class FaultHandlingTests : SampleFakeTests
{
    [Test]
    public async Task Http503_IsRetried_UntilTheServerAnswers()
    {
        Fake.Server.Faults.For("getStats").Next(2).Status(503);
        (await Fake.Client().GetStatsAsync()).ShouldNotBeEmpty();
        Fake.Server.Requests.Count(r => r.Call == "getStats").ShouldBe(3);
    }

    [Test]
    public async Task Http5xx_OnEveryAttempt_GivesUpWithTheLastStatus()
    {
        Fake.Server.Faults.For("getStats").Status(502);
        var error = await Should.ThrowAsync<MconfUnavailableException>(() => Fake.Client(maxAttempts: 2).GetStatsAsync());
        error.LastStatus.ShouldBe(502);
        Fake.Server.Requests.Count(r => r.Call == "getStats").ShouldBe(2);
    }

    [Test]
    public async Task DroppedConnection_IsRetried()
    {
        Fake.Server.Faults.For("getRecordings").Next(1).Drop();
        (await Fake.Client().GetRecordingsAsync()).ShouldNotBeEmpty();
    }

    [Test]
    public async Task SlowServer_TimesOut()
    {
        Fake.Server.Faults.For("isMeetingRunning").Latency(TimeSpan.FromSeconds(3));
        var error = await Should.ThrowAsync<MconfTimeoutException>(() => Fake.Client(timeout: TimeSpan.FromMilliseconds(200)).IsMeetingRunningAsync("m"));
        error.Message.ShouldContain("no answer within 0.2 s");
    }

    [Test]
    public async Task MalformedXml_IsAClearProtocolError()
    {
        Fake.Server.Faults.For("getRecordings").Malformed();
        var error = await Should.ThrowAsync<MconfProtocolException>(() => Fake.Client().GetRecordingsAsync());
        error.Message.ShouldStartWith("The answer to getRecordings is not well-formed XML");
    }

    [Test]
    public async Task TruncatedXml_IsAClearProtocolError()
    {
        Fake.Server.Faults.For("getRecordings").Truncate(64);
        await Should.ThrowAsync<MconfProtocolException>(() => Fake.Client().GetRecordingsAsync());
    }

    [Test]
    public async Task ForcedFailure_SurfacesTheMessageKey()
    {
        Fake.Server.Faults.For("create").Failed("tooManyMeetings", "The server is full.");
        var error = await Should.ThrowAsync<MconfApiException>(() => Fake.Client().CreateMeetingAsync(new CreateMeetingRequest("m", "M")));
        (error.Call, error.MessageKey, error.ServerMessage).ShouldBe(("create", "tooManyMeetings", "The server is full."));
    }
}
