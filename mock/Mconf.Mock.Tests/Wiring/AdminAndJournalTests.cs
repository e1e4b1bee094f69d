using System.Net;
using System.Text;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Wiring;

/// <summary>WireMock's admin interface: user mappings win over the built-in ones; the journal is bounded.</summary>
public sealed class AdminAndJournalTests
{
    [Test]
    public async Task UserMapping_PostedThroughAdmin_OverridesGetMeetings()
    {
        using var api = FakeApi.Start();
        const string mapping = """
            {
              "Priority": 1,
              "Request": { "Path": "/bigbluebutton/api/getMeetings", "Methods": ["GET"] },
              "Response": {
                "StatusCode": 200,
                "Headers": { "Content-Type": "text/xml;charset=utf-8" },
                "Body": "<response><returncode>FAILED</returncode><messageKey>forced</messageKey><message>forced by a test</message></response>"
              }
            }
            """;
        using var content = new StringContent(mapping, Encoding.UTF8, "application/json");
        using var posted = await api.Http.PostAsync(api.Root + "/__admin/mappings", content);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.Call("getMeetings")).MessageKey.ShouldBe("forced");
        (await api.Call("getRecordings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Journal_IsReadableAndBounded()
    {
        using var api = FakeApi.Start(o => o.JournalLimit = 5);
        for (var i = 0; i < 12; i++)
        {
            await api.Call("isMeetingRunning", ("meetingID", "m" + i));
        }

        api.Server.WireMock.LogEntries.Count().ShouldBeLessThanOrEqualTo(5);
        using var response = await api.Http.GetAsync(api.Root + "/__admin/requests");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Journal_DropsLargeBodiesOnceSent()
    {
        using var api = FakeApi.Start(o => o.JournalBodyLimit = 100);
        var body = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        body.Length.ShouldBeGreaterThan(100);
        var entry = api.Server.WireMock.LogEntries.Last(e => e.RequestMessage!.Path.EndsWith("getMeetings", StringComparison.Ordinal));
        entry.ResponseMessage!.BodyData!.BodyAsString!.ShouldContain("not kept in the journal");
    }

    [Test]
    public async Task AdminInterface_CanBeTurnedOff()
    {
        using var api = FakeApi.Start(o => o.AdminInterface = false);
        using var response = await api.Http.GetAsync(api.Root + "/__admin/mappings");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
