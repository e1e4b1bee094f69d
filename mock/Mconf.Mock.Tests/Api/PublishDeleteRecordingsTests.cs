using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.8 (publishRecordings) and §3.9 (deleteRecordings).</summary>
public sealed class PublishDeleteRecordingsTests
{
    private const string Bad = "checksum=0000000000000000000000000000000000000000";

    [Test]
    public async Task Publish_EchoesTheRawValueAndMovesTheRecording()
    {
        using var api = FakeApi.Start();
        var recording = (await api.Call("getRecordings")).Select("recordings/recording").First();
        var id = BbbResponse.Value(recording, "recordID")!;
        var r = await api.Call("publishRecordings", ("recordID", id), ("publish", "0"));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "published"]);
        r.Value("published").ShouldBe("0");
        Published(await api.Call("getRecordings"), id).ShouldBe("false");
        (await api.Call("publishRecordings", ("recordID", id.ToUpperInvariant() + ",unknown"), ("publish", "Y"))).Value("published").ShouldBe("Y");
        Published(await api.Call("getRecordings"), id).ShouldBe("true");
    }

    [Test]
    public async Task Publish_Errors_InTheFactsOrder()
    {
        using var api = FakeApi.Start();
        (await api.CallRaw("publishRecordings", "recordID=x&publish=true")).MessageKey.ShouldBe("checksumError");
        var noId = await api.CallRaw("publishRecordings", $"publish=true&{Bad}");
        (noId.MessageKey, noId.Message).ShouldBe(("missingParamRecordID", Facts.MissingRecordId));
        var noPublish = await api.CallRaw("publishRecordings", $"recordID=x&{Bad}");
        (noPublish.MessageKey, noPublish.Message).ShouldBe(("missingParamPublish", Facts.MissingPublish));
        (await api.CallRaw("publishRecordings", $"recordID=x&publish=true&{Bad}")).MessageKey.ShouldBe("checksumError");
        var unknown = await api.Call("publishRecordings", ("recordID", "unknown"), ("publish", "true"));
        (unknown.MessageKey, unknown.Message).ShouldBe(("notFound", Facts.NotFoundRecordings));
    }

    [Test]
    public async Task Delete_RemovesAndReportsDeletedEvenForUnknownIds()
    {
        using var api = FakeApi.Start();
        var id = BbbResponse.Value((await api.Call("getRecordings")).Select("recordings/recording").First(), "recordID")!;
        var r = await api.Call("deleteRecordings", ("recordID", id));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "deleted"]);
        r.Value("deleted").ShouldBe("true");
        (await api.Call("getRecordings")).Select("recordings/recording").Count().ShouldBe(5);
        (await api.Call("deleteRecordings", ("recordID", "unknown"))).Value("deleted").ShouldBe("true");
    }

    [Test]
    public async Task Delete_Errors()
    {
        using var api = FakeApi.Start();
        (await api.CallRaw("deleteRecordings", "recordID=x")).MessageKey.ShouldBe("checksumError");
        (await api.CallRaw("deleteRecordings", Bad)).Message.ShouldBe(Facts.MissingRecordId);
        (await api.CallRaw("deleteRecordings", $"recordID=x&{Bad}")).MessageKey.ShouldBe("checksumError");
        var empty = await api.Call("deleteRecordings", ("recordID", ","));
        (empty.MessageKey, empty.Message).ShouldBe(("notFound", Facts.NotFoundRecordings));
    }

    private static string? Published(BbbResponse response, string id) =>
        BbbResponse.Value(response.Select("recordings/recording").Single(r => BbbResponse.Value(r, "recordID") == id), "published");
}
