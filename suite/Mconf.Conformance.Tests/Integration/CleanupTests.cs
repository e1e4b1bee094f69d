namespace Mconf.Conformance.Tests.Integration;

public sealed class CleanupTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Cleanup_EndsMeetingsWithTheRunPrefixEvenIfNotRegistered()
    {
        using var target = BrokenTargets.StartFake();
        var options = SuiteRun.Options(target);
        await using var session = await ConformanceSession.OpenAsync(options);
        // A create whose answer was lost: the meeting exists but the ledger never saw it.
        var lost = session.Ledger.NewId("lost");
        using (var http = new HttpClient())
        {
            var url = new RequestSigner(target.Secret).Url(ApiEndpoint.Parse(target.FakeUrl), "create",
                [new("meetingID", lost), new("attendeePW", "a"), new("moderatorPW", "m")]);
            (await http.GetStringAsync(url)).ShouldContain("SUCCESS");
        }

        (await SuiteRun.FakeMeetingsAsync(target)).ShouldContain(m => m.Id == lost && !m.Ended);
        (await session.CleanupAsync()).ShouldBeEmpty();
        (await SuiteRun.FakeMeetingsAsync(target)).ShouldNotContain(m => m.Id == lost && !m.Ended);
    }
}
