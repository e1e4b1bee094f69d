using Mconf.Mock.Engine;

namespace Mconf.Mock.Tests.Support;

/// <summary>Builds an engine on a frozen clock, without HTTP.</summary>
internal static class Engines
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ServerState Create(bool autoConnect = true, bool removeWhenEnded = true, bool processAtOnce = false) =>
        new(
            new EngineSettings { AutoConnect = autoConnect, RemoveMeetingWhenEnded = removeWhenEnded, ProcessRecordingsAtOnce = processAtOnce, ServerUrl = "http://fake.test" },
            new ControllableClock(new FrozenClock(Start)));

    public static MeetingSnapshot CreateMeeting(this ServerState state, string id, bool record = false) =>
        state.Create(new CreateCommand(id) { AttendeePw = "ap", ModeratorPw = "mp", Record = record ? "true" : null }).Meeting!;

    public static string JoinUser(this ServerState state, string meetingId, string name, string password = "ap", bool guest = false, string? userId = null)
    {
        var result = state.Join(new JoinCommand(meetingId, name, password) { Guest = guest, UserId = userId });
        result.Outcome.ShouldBe(JoinOutcome.Joined);
        return result.InternalUserId!;
    }
}
