using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.7 and the Mconf meta_ filters (§6.3), on the seeded recordings.</summary>
public sealed class GetRecordingsTests : FakeApiFixture
{
    private async Task<List<System.Xml.Linq.XElement>> Recordings(params (string Name, string? Value)[] parameters) =>
        [.. (await Api.Call("getRecordings", parameters)).Select("recordings/recording")];

    [Test]
    public async Task All_HaveTheMconfOrderAndCdata()
    {
        var body = await Api.Text("getRecordings", Api.SignedQuery("getRecordings"));
        body.ShouldContain("<name><![CDATA[");
        body.ShouldContain("<course><![CDATA[");
        var r = BbbResponse.Parse(body);
        XmlShape.Children(r.Root).ShouldBe(["returncode", "recordings"]);
        var all = r.Select("recordings/recording").ToList();
        all.Count.ShouldBe(6);
        foreach (var recording in all)
        {
            var children = XmlShape.Children(recording);
            children.ShouldBe(Facts.RecordingOrder.Take(children.Length));
            XmlShape.Children(recording.Element("playback")!.Element("format")!).ShouldBe(["type", "url", "length", "size"]);
        }

        all.Count(x => BbbResponse.Value(x, "published") == "false").ShouldBe(1);
        all.Count(x => x.Element("download") is not null).ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task SeededMetadata_SupportsConclusiveFilterChecks()
    {
        var all = await Recordings();
        var keys = all.SelectMany(r => r.Element("metadata")!.Elements().Select(e => e.Name.LocalName)).GroupBy(k => k).Where(g => g.Count() >= 2).ToList();
        keys.Count.ShouldBeGreaterThanOrEqualTo(2);
        var presenters = all.Select(r => BbbResponse.Value(r, "metadata/presenter")!).ToList();
        presenters.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Any(g => g.Distinct(StringComparer.Ordinal).Count() >= 2).ShouldBeTrue();
        all.Select(r => BbbResponse.Value(r, "meetingID")).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Test]
    public async Task MetaFilter_IsExactAndCaseSensitiveOnValues()
    {
        var all = await Recordings();
        var presenter = BbbResponse.Value(all[0], "metadata/presenter")!;
        var exact = await Recordings(("meta_presenter", presenter));
        exact.Count.ShouldBe(1);
        (await Recordings(("meta_presenter", presenter.ToLowerInvariant()))).Count.ShouldBe(1);
        (await Recordings(("meta_PRESENTER", presenter))).Count.ShouldBe(1);
        var course = BbbResponse.Value(all[0], "metadata/course")!;
        var byCourse = await Recordings(("meta_course", course));
        byCourse.Count.ShouldBeGreaterThan(1);
        byCourse.ShouldAllBe(r => BbbResponse.Value(r, "metadata/course") == course);
        (await Recordings(("meta_course", course), ("meta_presenter", presenter))).Count.ShouldBe(1);
        (await Recordings(("meta_course", course.ToUpperInvariant()))).ShouldBeEmpty();
    }

    [Test]
    public async Task MetaFilter_NoMatch_IsNoRecordings()
    {
        var body = await Api.Text("getRecordings", Api.SignedQuery("getRecordings", ("meta_course", "nothing")));
        body.ShouldBe($"<response><returncode>SUCCESS</returncode><recordings/><messageKey>noRecordings</messageKey><message>{Facts.NoRecordings}</message></response>");
        (await Recordings(("meta_meetingId", "x"))).ShouldBeEmpty();
    }

    [Test]
    public async Task MetaFilter_InvalidNamesAreIgnored() =>
        (await Recordings(("meta_bad_name", "x"), ("meta_", "y"))).Count.ShouldBe(6);

    [Test]
    public async Task MeetingId_SelectsOneOrACommaSeparatedList()
    {
        var ids = (await Recordings()).Select(r => BbbResponse.Value(r, "meetingID")!).Distinct().ToList();
        var one = await Recordings(("meetingID", ids[0]));
        one.Count.ShouldBeGreaterThan(0);
        one.ShouldAllBe(r => BbbResponse.Value(r, "meetingID") == ids[0]);
        var two = await Recordings(("meetingID", ids[0] + "," + ids[1]));
        two.Select(r => BbbResponse.Value(r, "meetingID")).Distinct().Count().ShouldBe(2);
        (await Recordings(("meetingID", "nope"))).ShouldBeEmpty();
        (await Recordings(("meetingID", ""))).Count.ShouldBe(6);
    }

    [Test]
    public async Task Errors_AreChecksumOnly()
    {
        (await Api.CallRaw("getRecordings", "meetingID=x")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("getRecordings", "checksum=bad")).MessageKey.ShouldBe("checksumError");
    }
}
