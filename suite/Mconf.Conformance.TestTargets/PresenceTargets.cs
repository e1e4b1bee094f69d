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

    /// <summary>Lists guests as ordinary attendees: guest and waitingForAcceptance false for everyone.</summary>
    public static TestTarget StartGuestBlind() => BrokenTargets.Start(EmptyOptions(), GuestBlind());

    public static Mutation[] GuestBlind() =>
    [
        Mutations.SetValue("getMeetingInfo", "attendees/attendee/guest", _ => "false"),
        Mutations.SetValue("getMeetingInfo", "attendees/attendee/waitingForAcceptance", _ => "false"),
    ];

    /// <summary>videoCount one more than the streams: neither the streams' reading nor the sharers'.</summary>
    public static TestTarget StartVideoMiscounted() => BrokenTargets.Start(EmptyOptions(),
        Mutations.SetValue("getMeetings", "meetings/meeting/videoCount", v => (int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

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
