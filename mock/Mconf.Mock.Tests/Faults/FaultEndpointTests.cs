using System.Net;
using System.Text;
using System.Text.Json;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Faults;

/// <summary>Faults over HTTP: POST /fake/faults with the FaultSpec JSON, list, read, remove.</summary>
public sealed class FaultEndpointTests : FakeApiPerTest
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Api.Root + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Api.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Test]
    public async Task Post_RegistersTheFault_AndTheCallGetsIt()
    {
        var (status, body) = await Send(HttpMethod.Post, "/fake/faults", """{"call":"getMeetings","kind":"failed","messageKey":"busy","times":1}""");
        status.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("id").GetString().ShouldBe("f1");
        body.GetProperty("description").GetString().ShouldBe("getMeetings: FAILED busy, next 1 calls");
        (await Api.Call("getMeetings")).MessageKey.ShouldBe("busy");
        (await Api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [TestCase("""{"call":"getMeetings"}""", "Not a fault")]
    [TestCase("""not json""", "Not a fault")]
    [TestCase("""{"call":"nosuchcall","kind":"drop"}""", "no call 'nosuchcall'")]
    [TestCase("""{"call":"join","kind":"latency"}""", "delayMs")]
    [TestCase("", "POST a fault as JSON")]
    public async Task Post_Invalid_Answers400WithTheReason(string json, string reason)
    {
        var (status, body) = await Send(HttpMethod.Post, "/fake/faults", json);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString()!.ShouldContain(reason);
    }

    [Test]
    public async Task Get_ListsFaultsWithTheirCounts()
    {
        Api.Server.Faults.For("getMeetings").Next(1).Status(503);
        using (await Api.Send("getMeetings", Api.SignedQuery("getMeetings")))
        {
        }

        var (status, body) = await Send(HttpMethod.Get, "/fake/faults");
        status.ShouldBe(HttpStatusCode.OK);
        var fault = body.EnumerateArray().Single();
        (fault.GetProperty("fired").GetInt32(), fault.GetProperty("remaining").GetInt32(), fault.GetProperty("active").GetBoolean()).ShouldBe((1, 0, false));
        (await Send(HttpMethod.Get, "/fake/faults/f1")).Body.GetProperty("spec").GetProperty("status").GetInt32().ShouldBe(503);
    }

    [Test]
    public async Task Delete_RemovesOneOrAll()
    {
        Api.Server.Faults.For("getMeetings").Status(503);
        Api.Server.Faults.For("getRecordings").Status(503);
        (await Send(HttpMethod.Delete, "/fake/faults/f1")).Status.ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Delete, "/fake/faults/f1")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
        (await Send(HttpMethod.Delete, "/fake/faults")).Body.GetProperty("removed").GetInt32().ShouldBe(1);
        (await Api.Call("getRecordings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task ControlSurface_StillAnswersBesideTheFaultEndpoints()
    {
        (await Send(HttpMethod.Get, "/fake/state")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
