using Mconf.Mock;

namespace Mconf.Conformance.TestTargets;

/// <summary>Targets for the presence session: a freshly installed server (nobody connected, no stats; users show up
/// only when a driver connects them over /fake/) and the same server with presence broken one way. The proxy
/// forwards /fake/ untouched, so the kit's driver works through it.</summary>
public static class PresenceTargets
{
    /// <summary>No live meeting, no stats, no auto-connect: what a new user certifies first. Seeded recordings stay
    /// (the fake's session recordings carry no Mconf download block, which only a recording with one can show).</summary>
    public static FakeServerOptions EmptyOptions()
    {
        var options = BrokenTargets.DefaultOptions();
        options.AutoConnect = false;
        options.Meetings = 0;
        options.StatsMeetings = 0;
        return options;
    }

    public static TestTarget StartEmpty() => BrokenTargets.Start(EmptyOptions());

    /// <summary>Reports nobody in the audio conference: every hasJoinedVoice false and voiceParticipantCount 0, in
    /// getMeetingInfo and getMeetings, whatever the driver joined.</summary>
    public static TestTarget StartDeaf() => BrokenTargets.Start(EmptyOptions(), DeafVoice());

    /// <summary>Presence fields that never change: every attendee flag false, every count 0, no stream.</summary>
    public static TestTarget StartFrozen() => BrokenTargets.Start(EmptyOptions(), FrozenPresence());

    public static Mutation[] DeafVoice() =>
    [
        Mutations.SetValue("getMeetingInfo", "attendees/attendee/hasJoinedVoice", _ => "false"),
        Mutations.SetValue("getMeetingInfo", "voiceParticipantCount", _ => "0"),
        Mutations.SetValue("getMeetings", "meetings/meeting/voiceParticipantCount", _ => "0"),
    ];

    public static Mutation[] FrozenPresence() =>
    [
        .. new[] { "isPresenter", "isListeningOnly", "hasJoinedVoice" }
            .Select(flag => Mutations.SetValue("getMeetingInfo", "attendees/attendee/" + flag, _ => "false")),
        .. new[] { "listenerCount", "voiceParticipantCount", "videoCount" }
            .Select(count => Mutations.SetValue("getMeetingInfo", count, _ => "0")),
        .. new[] { "participantCount", "listenerCount", "voiceParticipantCount", "videoCount" }
            .Select(count => Mutations.SetValue("getMeetings", "meetings/meeting/" + count, _ => "0")),
        Mutations.RemoveElement("getMeetingInfo", "attendees/attendee/videoStreams/streamName"),
    ];
}
