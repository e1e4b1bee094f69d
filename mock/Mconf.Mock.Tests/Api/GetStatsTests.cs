using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>getStats (specs/reference.md §6.4, wiki shape).</summary>
public sealed class GetStatsTests : FakeApiFixture
{
    [Test]
    public async Task All_HasTheWikiShape()
    {
        var r = await Api.Call("getStats");
        XmlShape.Children(r.Root).ShouldBe(["returncode", "stats"]);
        var meetings = r.Select("stats/meeting").ToList();
        meetings.Count.ShouldBe(4);
        foreach (var m in meetings)
        {
            XmlShape.Children(m).ShouldBe(["meetingID", "meetingName", "recordID", "startTime", "endTime", "participants"]);
            var participants = m.Element("participants")!.Elements().ToList();
            participants.Count.ShouldBeGreaterThan(0);
            XmlShape.Children(participants[0]).ShouldBe(["userID", "userName", "joinTime", "leftTime"]);
            BbbResponse.Value(m, "recordID")!.ShouldStartWith(MeetingIds.Key(BbbResponse.Value(m, "meetingID")!) + "-");
            foreach (var p in participants)
            {
                long.Parse(BbbResponse.Value(p, "leftTime")!, System.Globalization.CultureInfo.InvariantCulture)
                    .ShouldBeGreaterThanOrEqualTo(long.Parse(BbbResponse.Value(p, "joinTime")!, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Test]
    public async Task MeetingId_SelectsOneOrAList()
    {
        var ids = (await Api.Call("getStats")).Select("stats/meeting").Select(m => BbbResponse.Value(m, "meetingID")!).Distinct().ToList();
        ids.Count.ShouldBeGreaterThan(1);
        var one = (await Api.Call("getStats", ("meetingID", ids[0]))).Select("stats/meeting").ToList();
        one.ShouldAllBe(m => BbbResponse.Value(m, "meetingID") == ids[0]);
        var list = (await Api.Call("getStats", ("meetingID", string.Join(',', ids)))).Select("stats/meeting").Count();
        list.ShouldBe(4);
    }

    [Test]
    public async Task Unknown_IsSuccessWithEmptyStatsAndNoStats()
    {
        var body = await Api.Text("getStats", Api.SignedQuery("getStats", ("meetingID", "unknown")));
        body.ShouldBe("<response><returncode>SUCCESS</returncode><stats/><messageKey>noStats</messageKey><message></message></response>");
    }

    [Test]
    public async Task Errors_AreChecksumOnly()
    {
        (await Api.CallRaw("getStats", "")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("getStats", "checksum=bad")).MessageKey.ShouldBe("checksumError");
    }
}
