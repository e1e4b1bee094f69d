using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests;

/// <summary>Issue item 5: with the same seed and a fixed clock, answers are byte-identical run to run.</summary>
public sealed class DeterminismTests
{
    private static FakeApi Start(int seed) => FakeApi.Start(o =>
    {
        o.Seed = seed;
        o.ClockStart = "2026-03-01T09:00:00Z";
        o.ServerUrl = "http://fake.example";
    });

    private static async Task<List<string>> Transcript(FakeApi api)
    {
        var bodies = new List<string>
        {
            await api.Text("getMeetings", api.SignedQuery("getMeetings")),
            await api.Text("getRecordings", api.SignedQuery("getRecordings")),
            await api.Text("getStats", api.SignedQuery("getStats")),
            await api.Text("create", api.SignedQuery("create", ("meetingID", "det"), ("meta_a", "b"))),
            await api.Text("join", api.SignedQuery("join", ("fullName", "Ann"), ("meetingID", "det"), ("password", "x"), ("redirect", "false"))),
        };
        var info = await api.Info("det");
        var moderatorPw = info.Value("moderatorPW")!;
        bodies.Add(await api.Text("join", api.SignedQuery("join", ("fullName", "Ann"), ("meetingID", "det"), ("password", moderatorPw), ("redirect", "false"))));
        var user = Mconf.Spec.Xml.BbbResponse.Parse(bodies[^1]).Value("user_id")!;
        api.Server.Control.StartWebcam("det", user);
        api.Server.Control.AdvanceClock(TimeSpan.FromMinutes(2));
        foreach (var id in (await api.Call("getMeetings")).Select("meetings/meeting").Select(m => Mconf.Spec.Xml.BbbResponse.Value(m, "meetingID")!))
        {
            bodies.Add(await api.Text("getMeetingInfo", api.SignedQuery("getMeetingInfo", ("meetingID", id))));
        }

        bodies.Add(await api.Text("end", api.SignedQuery("end", ("meetingID", "det"), ("password", moderatorPw))));
        bodies.Add(await api.Text("getStats", api.SignedQuery("getStats", ("meetingID", "det"))));
        return bodies;
    }

    [Test]
    public async Task SameSeedAndFixedClock_GiveByteIdenticalAnswers()
    {
        List<string> first, second;
        using (var api = Start(42))
        {
            first = await Transcript(api);
        }

        using (var api = Start(42))
        {
            second = await Transcript(api);
        }

        second.ShouldBe(first);
        first.ShouldContain(b => b.Contains("<streamName>320x240-", StringComparison.Ordinal));
    }

    [Test]
    public async Task OtherSeed_GivesOtherData()
    {
        using var a = Start(1);
        using var b = Start(2);
        (await a.Text("getMeetings", a.SignedQuery("getMeetings"))).ShouldNotBe(await b.Text("getMeetings", b.SignedQuery("getMeetings")));
    }
}
