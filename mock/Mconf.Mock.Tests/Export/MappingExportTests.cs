using System.Net;
using System.Text;
using System.Text.Json;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Xml;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock.Tests.Export;

/// <summary>The example answers exported as WireMock mapping files, loaded by a stock WireMockServer.</summary>
public sealed class MappingExportTests : TempFolderPerTest
{
    private static readonly string[] MconfExamples =
    [
        "mconf-create.json", "mconf-deleteRecordings.json", "mconf-end.json", "mconf-getMeetingInfo.json", "mconf-getMeetings.json",
        "mconf-getRecordings.json", "mconf-getStats.json", "mconf-index.json", "mconf-isMeetingRunning.json", "mconf-join.json",
        "mconf-join.redirect-false.json", "mconf-publishRecordings.json",
    ];

    [Test]
    public void Export_WritesOneFilePerExample()
    {
        FakeMconfServer.ExportMappings(Folder.Path, new FakeServerOptions());
        Folder.Files().Select(Path.GetFileName).ShouldBe(MconfExamples);
    }

    [Test]
    public void Export_IsByteIdenticalForTheSameOptions()
    {
        using var other = new TempDirectory();
        FakeMconfServer.ExportMappings(Folder.Path, new FakeServerOptions { Seed = 9 });
        FakeMconfServer.ExportMappings(other.Path, new FakeServerOptions { Seed = 9 });
        Folder.Files().Select(File.ReadAllText).ShouldBe(other.Files().Select(File.ReadAllText));
    }

    [Test]
    public void Export_Bbb09_HasNoGetStats()
    {
        FakeMconfServer.ExportMappings(Folder.Path, new FakeServerOptions { Flavour = FakeServerOptions.Bbb09 });
        Folder.Files().Select(Path.GetFileName).ShouldNotContain("mconf-getStats.json");
    }

    [Test]
    public async Task ExportedFiles_LoadIntoAStockWireMock_AndAnswerTheExamples()
    {
        using var fake = FakeMconfServer.Start(new FakeServerOptions { Log = _ => { } });
        fake.ExportMappings(Folder.Path);
        using var stock = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        stock.ReadStaticMappings(Folder.Path);
        stock.Mappings.Count().ShouldBe(MconfExamples.Length);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var root = stock.Url + "/bigbluebutton/api/";

        foreach (var file in Folder.Files().Where(f => !f.Contains("join", StringComparison.Ordinal)))
        {
            var expected = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("Response").GetProperty("Body").GetString()!;
            var call = Path.GetFileNameWithoutExtension(file)["mconf-".Length..];
            var body = await http.GetStringAsync(root + (call == "index" ? "" : call + "?checksum=any"));
            body.ShouldBe(expected, file);
            BbbResponse.Parse(body).IsSuccess.ShouldBeTrue(file);
        }

        using var redirect = await http.GetAsync(root + "join?fullName=A&meetingID=m&password=p");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Found);
        var xml = BbbResponse.Parse(await http.GetStringAsync(root + "join.xml?redirect=false&fullName=A"));
        xml.MessageKey.ShouldBe("successfullyJoined");
    }

    [Test]
    public async Task AnExportedFile_PostedToTheAdminApi_Answers()
    {
        FakeMconfServer.ExportMappings(Folder.Path, new FakeServerOptions());
        using var stock = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = true });
        using var http = new HttpClient();
        using var content = new StringContent(await File.ReadAllTextAsync(Path.Combine(Folder.Path, "mconf-getMeetings.json")), Encoding.UTF8, "application/json");
        using (var posted = await http.PostAsync(stock.Url + "/__admin/mappings", content))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var body = BbbResponse.Parse(await http.GetStringAsync(stock.Url + "/bigbluebutton/api/getMeetings"));
        body.Select("meetings/meeting").ShouldNotBeEmpty();
    }

    [Test]
    public void ExportedExamples_AreLiveAnswersOfTheSeededFake()
    {
        FakeMconfServer.ExportMappings(Folder.Path, new FakeServerOptions { ServerUrl = "https://bbb.test" });
        var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder.Path, "mconf-getMeetingInfo.json"))).RootElement;
        var body = BbbResponse.Parse(info.GetProperty("Response").GetProperty("Body").GetString()!);
        body.Value("meetingID").ShouldBe("example-meeting");
        body.Select("attendees/attendee").Count().ShouldBe(2);
        var join = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder.Path, "mconf-join.json"))).RootElement;
        join.GetProperty("Response").GetProperty("Headers").GetProperty("Location").GetString().ShouldBe("https://bbb.test/client/MconfLive.html");
        File.ReadAllText(Path.Combine(Folder.Path, "mconf-create.json")).ShouldNotContain(new FakeServerOptions().Secret);
    }
}
