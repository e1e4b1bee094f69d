using System.Net;
using System.Text.Json;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Verification;

/// <summary>The journal over HTTP: /fake/requests, /fake/requests/report, DELETE.</summary>
public sealed class RequestEndpointsTests : FakeApiPerTest
{
    private async Task<string> Get(string path)
    {
        using var response = await Api.Http.GetAsync(Api.Root + path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task List_IsJson_WithChecksumsAndTheSecretRedacted()
    {
        var id = await Api.Create();
        await Api.Join(id, "Ann " + Api.Server.Secret, "ap", ("guest", "true"));
        var text = await Get("/fake/requests");
        text.ShouldNotContain(Api.Server.Secret);
        text.ShouldNotContain(Checksum.Compute("getMeetings", "", Api.Server.Secret));
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
        await Api.Call("getMeetings");
        await Api.CallRaw("getMeetings", "");
        JsonDocument.Parse(await Get("/fake/requests?call=getMeetings&verdict=fail")).RootElement.GetArrayLength().ShouldBe(1);
        var failed = JsonDocument.Parse(await Get("/fake/requests?verdict=fail")).RootElement[0];
        failed.GetProperty("problems")[0].GetProperty("code").GetString().ShouldBe("checksum-missing");
        failed.GetProperty("problems")[0].GetProperty("severity").GetString().ShouldBe("error");
    }

    [Test]
    public async Task Report_AsJsonAndText()
    {
        await Api.Call("getMeetings");
        await Api.CallRaw("getMeetings", "");
        var report = JsonDocument.Parse(await Get("/fake/requests/report")).RootElement;
        (report.GetProperty("verdict").GetString(), report.GetProperty("failed").GetInt32()).ShouldBe(("fail", 1));
        report.GetProperty("problems").GetProperty("checksum-missing").GetInt32().ShouldBe(1);
        (await Get("/fake/requests/report?format=text")).ShouldStartWith("Client conformance: fail: 2 requests");
    }

    [Test]
    public async Task Delete_ClearsTheJournal()
    {
        await Api.Call("getMeetings");
        using var response = await Api.Http.DeleteAsync(Api.Root + "/fake/requests");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"cleared":1}""");
        Api.Server.Requests.ShouldBeEmpty();
    }
}
