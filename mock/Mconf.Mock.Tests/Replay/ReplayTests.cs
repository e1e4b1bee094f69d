using System.Net;
using Mconf.Mock.Replay;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Replay;

/// <summary>Replay mode: recorded answers served offline, matched on call and parameters, not on the checksum.</summary>
public sealed class ReplayTests : TempFolderPerTest
{
    private static string Envelope(string inner) => "<response><returncode>SUCCESS</returncode>" + inner + "</response>";

    private void Recorded(string call, string body, params (string Name, string Value)[] parameters) =>
        new FixtureFolder(Folder.Path).Write(new RecordedExchange(call, "GET", [.. parameters.Select(p => new RecordedParameter(p.Name, p.Value))], 200, "text/xml;charset=utf-8", null, body));

    private FakeApi Replay(bool fallThrough = false) => FakeApi.Start(o =>
    {
        o.Secret = "replay-secret";
        o.ReplayFrom = Folder.Path;
        o.ReplayFallThrough = fallThrough;
    });

    [Test]
    public async Task Replay_AnswersTheRecording_WhateverTheOrderOfParameters()
    {
        Recorded("getMeetingInfo", Envelope("<meetingID>r1</meetingID>"), ("meetingID", "r1"), ("password", "mp"));
        using var api = Replay();
        (await api.Call("getMeetingInfo", ("password", "mp"), ("meetingID", "r1"))).Value("meetingID").ShouldBe("r1");
    }

    [Test]
    public async Task Replay_RepeatedRequest_AnswersInRecordedOrder_ThenRepeatsTheLast()
    {
        Recorded("isMeetingRunning", Envelope("<running>false</running>"), ("meetingID", "r1"));
        Recorded("isMeetingRunning", Envelope("<running>true</running>"), ("meetingID", "r1"));
        using var api = Replay();
        var answers = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await api.Call("isMeetingRunning", ("meetingID", "r1"))).Value("running"));
        }

        answers.ShouldBe(["false", "true", "true"]);
    }

    [Test]
    public async Task Replay_Unmatched_AnswersNoRecordedAnswer()
    {
        Recorded("getMeetingInfo", Envelope(""), ("meetingID", "r1"));
        using var api = Replay();
        var answer = await api.Info("r2");
        (answer.ReturnCode, answer.MessageKey).ShouldBe(("FAILED", "noRecordedAnswer"));
        answer.Message!.ShouldContain("getMeetingInfo?meetingID=r2");
        answer.Message!.ShouldContain("1 recorded for this call");
    }

    [Test]
    public async Task Replay_Unmatched_FallsThroughToTheFakeWhenAsked()
    {
        using var api = Replay(fallThrough: true);
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Replay_StillChecksTheChecksum()
    {
        Recorded("getMeetings", Envelope("<meetings/>"));
        using var api = Replay();
        (await api.CallRaw("getMeetings", "checksum=0000000000000000000000000000000000000000")).MessageKey.ShouldBe("checksumError");
        (await api.CallRaw("getMeetings", "")).MessageKey.ShouldBe("checksumError");
        (await api.Call("getMeetings")).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Replay_OfARecordedSession_WithAnotherSecret()
    {
        using (var real = FakeMconfServer.Start(new FakeServerOptions { Secret = "real", AutoConnect = true, Log = _ => { } }))
        using (var proxy = FakeApi.Start(o => (o.Secret, o.RecordFrom, o.RecordSecret, o.RecordTo) = ("proxy", real.BaseUrl, "real", Folder.Path)))
        {
            await proxy.Create("session");
            await proxy.Join("session", "Ann", "mp");
            await proxy.Info("session");
        }

        using var api = Replay();
        await api.Create("session");
        await api.Join("session", "Ann", "mp");
        var info = await api.Info("session");
        info.Select("attendees/attendee").Single().Element("fullName")!.Value.ShouldBe("Ann");
    }

    [Test]
    public async Task Faults_ApplyOverReplay()
    {
        Recorded("getMeetings", Envelope("<meetings/>"));
        using var api = Replay();
        api.Server.Faults.For("getMeetings").Next(1).Status(503);
        using (var response = await api.Send("getMeetings", api.SignedQuery("getMeetings")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        (await api.Call("getMeetings")).Has("meetings").ShouldBeTrue();
    }

    [Test]
    public void FixtureFolder_ContinuesNumbering_AndRejectsForeignFiles()
    {
        Recorded("getMeetings", "a");
        Recorded("getMeetings", "b");
        Folder.Files().Select(Path.GetFileName).ShouldBe(["0001-getMeetings.json", "0002-getMeetings.json"]);
        File.WriteAllText(Path.Combine(Folder.Path, "0003-x.json"), "[1,2]");
        Should.Throw<InvalidDataException>(() => new FixtureFolder(Folder.Path).ReadAll()).Message.ShouldContain("0003-x.json");
    }

    [Test]
    public void Options_RecordAndReplay_AreChecked()
    {
        Should.Throw<ArgumentException>(() => new FakeServerOptions { RecordFrom = "http://x/bigbluebutton", RecordTo = Folder.Path }.Validate()).Message.ShouldContain("RecordSecret");
        Should.Throw<ArgumentException>(() => new FakeServerOptions { RecordFrom = "ftp://x", RecordSecret = "s", RecordTo = Folder.Path }.Validate());
        Should.Throw<ArgumentException>(() => new FakeServerOptions { ReplayFrom = Path.Combine(Folder.Path, "missing") }.Validate());
        Should.Throw<ArgumentException>(() => new FakeServerOptions { RecordFrom = "http://x", RecordSecret = "s", RecordTo = Folder.Path, ReplayFrom = Folder.Path }.Validate());
    }
}
