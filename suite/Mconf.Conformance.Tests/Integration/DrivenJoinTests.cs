using Mconf.Conformance.Presence;
using Mconf.Testing;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>The cases whose verdict needs a connected attendee, on a server where joins never connect by
/// themselves: with the fake driver each connects its users (the generic connect action) and judges what it saw,
/// leaving a witness of each value; without one each is inconclusive and names the action.</summary>
public sealed class DrivenJoinTests
{
    private static readonly string[] JoinKinds = ["guest-join", "count-attendees", "count-flagged", "video-count", "single-presenter"];

    // Echoes of join parameters (userID, userdata, fullName) are judged on the joined user's attendee too.
    private static IReadOnlyList<ConformanceCase> JoinCases() =>
        [.. CaseCatalog.All.Where(c => JoinKinds.Contains(c.Kind) || (c.Kind == "echo-param" && c.OptionalArg("call") == "join"))];

    [Test]
    [CancelAfter(240_000)]
    public async Task WithTheFakeDriver_EveryJoinCaseIsJudged_OnWitnessedValues()
    {
        using var target = PresenceTargets.StartEmpty();
        // The fake driver behind a wrapper that logs each action with its meeting.
        using var folder = new TempDirectory();
        var log = folder.File("actions.log");
        var wrapper = folder.File("logging-driver.sh");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\necho \"$1 $4\" >> '{log}'\nexec '{DrivenRun.FakeDriver}' \"$@\"\n");
        var options = DrivenRun.For(SuiteRun.Options(target), DrivenRun.Driver);
        options = options with { Presence = options.Presence! with { Actor = new DriverActor("sh " + wrapper, TimeSpan.FromSeconds(30)) } };

        var outcome = await SuiteRun.RunAsync(options, JoinCases());

        outcome.AbortReason.ShouldBeNull();
        var cases = outcome.Results.Where(r => r.Case.Kind != SessionCases.Kind).ToList();
        cases.Count.ShouldBe(JoinCases().Count);
        cases.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(cases.Where(r => r.Verdict != Verdict.Passed)));
        cases.ShouldAllBe(r => r.Witnesses.Count > 0, "every passed join case leaves the values it judged");
        var session = outcome.Results.Where(r => r.Case.Kind == SessionCases.Kind).ToList();
        session.ShouldAllBe(r => r.Verdict == Verdict.Passed);
        session.ShouldAllBe(r => r.Witnesses.Count > 0 && r.Witnesses.All(w => w.SpecId == r.Case.SpecId && w.Request.Length > 0));
        // The cases asked for connect; every meeting they connected users to got meeting-ended exactly once, after it ended.
        var actions = (await File.ReadAllLinesAsync(log)).Select(l => l.Split(' ')).ToList();
        var connected = actions.Where(a => a[0] == ClientConnector.Action).Select(a => a[1]).Distinct().ToList();
        connected.Count.ShouldBeGreaterThan(5);
        foreach (var meeting in connected)
        {
            actions.Count(a => a[0] == "meeting-ended" && a[1] == meeting).ShouldBe(1, meeting);
            actions.FindLastIndex(a => a[1] == meeting).ShouldBe(actions.FindIndex(a => a[0] == "meeting-ended" && a[1] == meeting), "meeting-ended comes last for its meeting");
        }

        target.Fake.Control.GetState().Meetings.ShouldNotContain(m => m.Running && m.MeetingId.StartsWith("mconf-conformance", StringComparison.Ordinal));
        outcome.LeftoverMeetings.ShouldBeEmpty();
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task WithoutADriver_TheJoinCasesThatSawNobody_AreInconclusive_NamingTheConnectAction()
    {
        using var target = PresenceTargets.StartEmpty();

        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(target), JoinCases());

        var inconclusive = outcome.Results.Where(r => r.Verdict == Verdict.Inconclusive).ToList();
        await TestContext.Out.WriteLineAsync($"join cases: {outcome.Results.Count}, inconclusive without a driver: {inconclusive.Count}, passed: {outcome.Results.Count(r => r.Verdict == Verdict.Passed)}");
        inconclusive.Count.ShouldBeGreaterThan(10);
        inconclusive.ShouldAllBe(r => r.Message.Contains("'connect JOIN_URL USER_ID MEETING_ID'") && r.Message.Contains("--presence-driver COMMAND") && r.Witnesses.Count == 0);
        // The two that need nobody connected: a guest join answers like any join; registered users are not counted.
        outcome.Results.Where(r => r.Verdict == Verdict.Passed).Select(r => r.Case.Id)
            .ShouldBe(["join/request/guest#redirect", "getMeetings/response/meetings/meeting/participantCount#registered-not-counted"], ignoreOrder: true);
        outcome.Results.ShouldNotContain(r => r.Verdict == Verdict.Failed);
    }
}
