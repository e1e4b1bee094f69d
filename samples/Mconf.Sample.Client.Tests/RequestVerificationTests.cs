using Mconf.Mock.Verification;
using Mconf.Sample.Client.Tests.Support;

namespace Mconf.Sample.Client.Tests;

/// <summary>Using the fake's request journal to check what the client sent, not only what it got back.</summary>
public sealed class RequestVerificationTests : SampleFakeTests
{
    [Test]
    public async Task Client_JoinedAsGuest_AndSignedCorrectly()
    {
        var client = Fake.Client();
        await client.CreateMeetingAsync(new CreateMeetingRequest("room", "Room") { AttendeePassword = "ap", ModeratorPassword = "mp" });
        await client.JoinAsync(new JoinRequest("room", "Vic Visitor", "ap") { UserId = "visitor", Guest = true });

        var join = Fake.Server.Requests.Single(r => r.Call == "join");
        join.Get("guest").ShouldBe("true");
        join.Get("fullName").ShouldBe("Vic Visitor");
        join.IsSignedCorrectly.ShouldBeTrue(join.Signature.Explanation);
        join.Verdict.ShouldBe(ClientVerdict.Pass);
    }

    [Test]
    public async Task Client_AfterAWholeSession_IsReportedConformant()
    {
        var client = Fake.Client();
        var created = await client.CreateMeetingAsync(new CreateMeetingRequest("room", "Room A") { Record = true, Metadata = new Dictionary<string, string> { ["course"] = "c" } });
        await client.JoinAsync(new JoinRequest("room", "Ann Moderator", created.ModeratorPassword));
        await client.GetMeetingInfoAsync("room");
        await client.GetRecordingsAsync(["room", "other"], new Dictionary<string, string> { ["course"] = "c" });
        await client.GetStatsAsync(["a", "b"]);
        await client.IsMeetingRunningAsync(created.MeetingId);

        var report = Fake.Server.Requests.Report();
        report.Verdict.ShouldBe(ClientVerdict.Pass, report.ToText());
        report.Requests.ShouldBe(6);
    }
}
