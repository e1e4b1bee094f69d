using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>getMeetingInfo and getMeetings answers are cached (per meeting snapshot, and per state version for the
/// list): every change a client can see must show in the next answer, and a cached answer must be byte-identical
/// to a freshly written one.</summary>
public sealed class AnswerCacheTests
{
    [Test]
    public async Task CachedAnswers_FollowEveryChange()
    {
        using var api = FakeApi.Start(o => o.AutoConnect = true);
        var id = await api.Create();
        var before = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        (await api.Text("getMeetings", api.SignedQuery("getMeetings"))).ShouldBe(before);
        var infoBefore = await api.Text("getMeetingInfo", api.SignedQuery("getMeetingInfo", ("meetingID", id)));

        var user = await api.Join(id, "Alice");
        var afterJoin = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        afterJoin.ShouldNotBe(before);
        var info = await api.Info(id);
        info.Value("participantCount").ShouldBe("1");
        (await api.Text("getMeetingInfo", api.SignedQuery("getMeetingInfo", ("meetingID", id)))).ShouldNotBe(infoBefore);

        api.Server.Control.StartWebcam(id, user);
        (await api.Info(id)).Select("attendees/attendee/videoStreams/streamName").Count().ShouldBe(1);
        (await api.Text("getMeetings", api.SignedQuery("getMeetings"))).ShouldContain("<videoCount>1</videoCount>");

        var other = await api.Create();
        (await api.Call("getMeetings")).Select("meetings/meeting").Count(m => Spec.Xml.BbbResponse.Value(m, "meetingID") == other).ShouldBe(1);

        var beforeEnd = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        api.Server.Control.EndMeeting(other);
        (await api.Text("getMeetings", api.SignedQuery("getMeetings"))).ShouldNotBe(beforeEnd);
    }

    [Test]
    public async Task CachedAnswers_AreTheFreshlyWrittenBytes()
    {
        using var cached = FakeApi.Start(o => o.ClockStart = "2026-03-01T09:00:00Z");
        using var fresh = FakeApi.Start(o => o.ClockStart = "2026-03-01T09:00:00Z");
        var list = await cached.Text("getMeetings", cached.SignedQuery("getMeetings"));
        (await cached.Text("getMeetings", cached.SignedQuery("getMeetings"))).ShouldBe(list);
        (await fresh.Text("getMeetings", fresh.SignedQuery("getMeetings"))).ShouldBe(list);
        foreach (var m in (await cached.Call("getMeetings")).Select("meetings/meeting"))
        {
            var id = Spec.Xml.BbbResponse.Value(m, "meetingID")!;
            var first = await cached.Text("getMeetingInfo", cached.SignedQuery("getMeetingInfo", ("meetingID", id)));
            (await cached.Text("getMeetingInfo", cached.SignedQuery("getMeetingInfo", ("meetingID", id)))).ShouldBe(first);
            (await fresh.Text("getMeetingInfo", fresh.SignedQuery("getMeetingInfo", ("meetingID", id)))).ShouldBe(first);
        }
    }

    [Test]
    public async Task CachedAnswers_ShowAsTextInTheAdminJournal()
    {
        using var api = FakeApi.Start();
        var list = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        _ = await api.Text("getMeetings", api.SignedQuery("getMeetings"));
        var entry = api.Server.WireMock.LogEntries.Last(e => e.RequestMessage?.Path?.EndsWith("/getMeetings", StringComparison.Ordinal) == true);
        entry.ResponseMessage!.BodyData!.BodyAsString.ShouldBe(list);
        entry.ResponseMessage.BodyData.DetectedBodyType.ShouldBe(WireMock.Types.BodyType.String);
        entry.ResponseMessage.BodyData.BodyAsBytes.ShouldBeNull();
    }
}
