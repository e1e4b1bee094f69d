using System.Net;
using System.Text.Json;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Verification;

/// <summary>The journal over HTTP: /fake/requests, /fake/requests/report, DELETE.</summary>
public sealed class RequestEndpointsTests
{
    private FakeApi _api = null!;

    [SetUp]
    public void Start() => _api = FakeApi.Start();

    [TearDown]
    public void Stop() => _api.Dispose();

    private async Task<string> Get(string path)
    {
        using var response = await _api.Http.GetAsync(_api.Root + path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task List_IsJson_WithChecksumsAndTheSecretRedacted()
    {
        var id = await _api.Create();
        await _api.Join(id, "Ann " + _api.Server.Secret, "ap", ("guest", "true"));
        var text = await Get("/fake/requests");
        text.ShouldNotContain(_api.Server.Secret);
        text.ShouldNotContain(Checksum.Compute("getMeetings", "", _api.Server.Secret));
        var join = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(r => r.GetProperty("call").GetString() == "join");
        join.GetProperty("parameters").GetProperty("guest").GetString().ShouldBe("true");
        join.GetProperty("parameters").GetProperty("fullName").GetString().ShouldBe("Ann ***");
        join.GetProperty("query").GetString()!.ShouldEndWith("checksum=***");
        join.GetProperty("signature").GetProperty("status").GetString().ShouldBe("valid");
        join.GetProperty("verdict").GetString().ShouldBe("pass");
    }

    [Test]
    public async Task List_FiltersByCallAndVerdict()
    {
        await _api.Call("getMeetings");
        await _api.CallRaw("getMeetings", "");
        JsonDocument.Parse(await Get("/fake/requests?call=getMeetings&verdict=fail")).RootElement.GetArrayLength().ShouldBe(1);
        var failed = JsonDocument.Parse(await Get("/fake/requests?verdict=fail")).RootElement[0];
        failed.GetProperty("problems")[0].GetProperty("code").GetString().ShouldBe("checksum-missing");
        failed.GetProperty("problems")[0].GetProperty("severity").GetString().ShouldBe("error");
    }

    [Test]
    public async Task Report_AsJsonAndText()
    {
        await _api.Call("getMeetings");
        await _api.CallRaw("getMeetings", "");
        var report = JsonDocument.Parse(await Get("/fake/requests/report")).RootElement;
        (report.GetProperty("verdict").GetString(), report.GetProperty("failed").GetInt32()).ShouldBe(("fail", 1));
        report.GetProperty("problems").GetProperty("checksum-missing").GetInt32().ShouldBe(1);
        (await Get("/fake/requests/report?format=text")).ShouldStartWith("Client conformance: fail: 2 requests");
    }

    [Test]
    public async Task Delete_ClearsTheJournal()
    {
        await _api.Call("getMeetings");
        using var response = await _api.Http.DeleteAsync(_api.Root + "/fake/requests");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"cleared":1}""");
        _api.Server.Requests.ShouldBeEmpty();
    }
}
