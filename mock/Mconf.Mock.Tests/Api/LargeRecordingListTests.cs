using System.Text;
using Mconf.Mock.Api;
using Mconf.Mock.Data;
using Mconf.Mock.Engine;
using Mconf.Mock.Tests.Support;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Api;

/// <summary>A getRecordings list of <see cref="GetRecordingsHandler.Utf8From"/> recordings or more is written as UTF-8 in
/// pieces, and the unfiltered list is cached until the recordings change: the bytes must be those of the string
/// answer, every change must show in the next answer, and both journals must read it as they read any answer.</summary>
public sealed class LargeRecordingListTests
{
    private const int Many = GetRecordingsHandler.Utf8From + 150;

    [Test]
    public void LargeList_IsTheStringAnswerAsUtf8()
    {
        var state = Engines.Create();
        DataSeeder.Seed(state, new SeedCounts(0, 0, Many, 0));
        // Characters that are 2, 3 and 4 bytes in UTF-8, forbidden ones and a CDATA end, in names and metadata, in
        // enough recordings that some straddle the writer's drains and the buffer's segments.
        for (var i = 0; i < 400; i++)
        {
            var text = $"Sála {i} — 会議 😀 ]]> \u0001 end";
            state.Recordings.Add(new Recording(
                $"{MeetingIds.Key("unicode-" + i)}-1700000000000", "unicode-" + i, text, true, 1, 60_001, 10, 30,
                [new("course", text), new("presenter", string.Concat(Enumerable.Repeat("😀", i % 7)))],
                [RecordingFactory.Presentation("http://fake.test", "r" + i, 1, 60_001, 10)],
                [RecordingFactory.Download("http://fake.test", "r" + i, 1, 60_001, 5, encrypted: i % 2 == 0)]));
        }

        foreach (var mconf in new[] { true, false })
        {
            var router = new ApiRouter(new ApiContext(state, "", ChecksumAlgorithms.All, mconf, AnswerCatalog.Load()));
            var writer = Envelope.Begin(Envelope.Success).Open("recordings");
            foreach (var recording in state.GetRecordings(null, []))
            {
                RecordingXml.Write(writer, recording, mconf);
            }

            var expected = Envelope.End(writer.Close("recordings"));
            var answer = router.Route("/bigbluebutton/api/getRecordings", "GET", "");
            (answer.Utf8Body is { } utf8 && utf8.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(expected))).ShouldBeTrue("the bytes of the string answer");
            answer.Body.ShouldBe(expected);
            router.Route("/bigbluebutton/api/getRecordings", "GET", "").ShouldBeSameAs(answer, "the unfiltered list is cached");

            if (mconf)
            {
                var filtered = router.Route("/bigbluebutton/api/getRecordings", "GET", "meta_course=" + Uri.EscapeDataString("Sála 3 — 会議 😀 ]]> \u0001 end"));
                (filtered.Utf8Body is null).ShouldBeTrue("a short list stays a string");
                BbbResponse.Parse(filtered.Body!).Select("recordings/recording").Count().ShouldBe(1);
            }
        }
    }

    [Test]
    public void Utf8Buffer_EncodesPiecesAsTheWholeText()
    {
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => i % 5 == 0 ? "😀" : i % 3 == 0 ? "会" : "a"));
        var buffer = new Utf8Buffer();
        var at = 0;
        var piece = 1;
        while (at < text.Length)
        {
            // Odd piece lengths: some end between the two halves of a surrogate pair.
            var length = Math.Min(piece, text.Length - at);
            buffer.Append(text.AsSpan(at, length));
            at += length;
            piece = (piece * 7 % 9_973) + 1;
        }

        buffer.ToArray().AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text)).ShouldBeTrue();
    }

    [Test]
    public async Task WholeList_FollowsEveryChange()
    {
        using var api = FakeApi.Start(o =>
        {
            o.Recordings = Many;
            o.ClockStart = "2026-03-01T09:00:00Z";
        });
        async Task<string> All() => await api.Text("getRecordings", api.SignedQuery("getRecordings"));
        var first = await All();
        (await All()).ShouldBe(first);
        using (var fresh = FakeApi.Start(o =>
        {
            o.Recordings = Many;
            o.ClockStart = "2026-03-01T09:00:00Z";
            o.ServerUrl = api.Root;
        }))
        {
            (await fresh.Text("getRecordings", fresh.SignedQuery("getRecordings"))).ShouldBe(first, "a cached answer is the freshly written one");
        }

        var ids = BbbResponse.Parse(first).Select("recordings/recording").Select(r => BbbResponse.Value(r, "recordID")!).ToList();
        ids.Count.ShouldBe(Many);

        // Calls that change nothing keep the cached answer; the others show in the next answer.
        (await api.Call("publishRecordings", ("recordID", ids[5]), ("publish", "true"))).ReturnCode.ShouldBe("SUCCESS");
        (await api.Call("deleteRecordings", ("recordID", "no-such-recording"))).ReturnCode.ShouldBe("SUCCESS");
        api.Server.Control.ProcessRecordings().ShouldBeEmpty();
        (await All()).ShouldBe(first);

        (await api.Call("publishRecordings", ("recordID", ids[5]), ("publish", "false"))).ReturnCode.ShouldBe("SUCCESS");
        var unpublished = await All();
        unpublished.ShouldNotBe(first);
        BbbResponse.Parse(unpublished).Select("recordings/recording").Single(r => BbbResponse.Value(r, "recordID") == ids[5]).Element("published")!.Value.ShouldBe("false");

        (await api.Call("deleteRecordings", ("recordID", ids[7]))).ReturnCode.ShouldBe("SUCCESS");
        var deleted = await All();
        BbbResponse.Parse(deleted).Select("recordings/recording").Count().ShouldBe(Many - 1);

        var id = await api.Create(null, ("record", "true"));
        await api.Join(id, "Alice", "mp");
        api.Server.Control.EndMeeting(id);
        (await All()).ShouldBe(deleted, "a recording still processing is not listed");
        api.Server.Control.ProcessRecordings().Count.ShouldBe(1);
        BbbResponse.Parse(await All()).Select("recordings/recording").Count(r => BbbResponse.Value(r, "meetingID") == id).ShouldBe(1);

        api.Server.Control.Reset();
        (await All()).ShouldBe(first);
        api.Logged.ShouldBeEmpty();
    }

    [Test]
    public async Task LargeList_IsJournalledAsAnyAnswer()
    {
        using var api = FakeApi.Start(o => o.Recordings = Many);
        var body = await api.Text("getRecordings", api.SignedQuery("getRecordings"));
        var bytes = Encoding.UTF8.GetByteCount(body);
        bytes.ShouldBeGreaterThan(65_536);
        var entry = api.Server.WireMock.LogEntries.Last(e => e.RequestMessage?.Path?.EndsWith("/getRecordings", StringComparison.Ordinal) == true);
        for (var wait = 0; wait < 100 && entry.ResponseMessage!.BodyData!.DetectedBodyType != WireMock.Types.BodyType.String; wait++)
        {
            await Task.Delay(50);
        }

        entry.ResponseMessage!.BodyData!.BodyAsString.ShouldBe($"[{bytes} bytes sent; body not kept in the journal (JournalBodyLimit=65536)]");
        entry.ResponseMessage.BodyData.DetectedBodyType.ShouldBe(WireMock.Types.BodyType.String);
        var record = api.Server.Requests.Last();
        record.Call.ShouldBe("getRecordings");
        record.ReturnCode.ShouldBe("SUCCESS");
        record.MessageKey.ShouldBeNull();

        using var keeping = FakeApi.Start(o =>
        {
            o.Recordings = Many;
            o.JournalBodyLimit = 10_000_000;
        });
        var kept = await keeping.Text("getRecordings", keeping.SignedQuery("getRecordings"));
        _ = await keeping.Text("getRecordings", keeping.SignedQuery("getRecordings"));
        var entries = keeping.Server.WireMock.LogEntries.Where(e => e.RequestMessage?.Path?.EndsWith("/getRecordings", StringComparison.Ordinal) == true).ToList();
        entries.Count.ShouldBe(2);
        foreach (var e in entries)
        {
            // The journal's copy is settled just after the last byte went out, which the client may see first.
            for (var wait = 0; wait < 100 && e.ResponseMessage!.BodyData!.DetectedBodyType != WireMock.Types.BodyType.String; wait++)
            {
                await Task.Delay(50);
            }

            e.ResponseMessage!.BodyData!.BodyAsString.ShouldBe(kept);
            e.ResponseMessage.BodyData.DetectedBodyType.ShouldBe(WireMock.Types.BodyType.String);
            e.ResponseMessage.BodyData.BodyAsBytes.ShouldBeNull();
        }
    }
}
