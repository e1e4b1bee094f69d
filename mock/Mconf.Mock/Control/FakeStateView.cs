using Mconf.Mock.Engine;

namespace Mconf.Mock;

/// <summary>The whole fake at a glance (GET /fake/state): clock, meetings with every registered user, and the
/// recordings and stats it holds.</summary>
public sealed record FakeStateView(
    long Now,
    string Flavour,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<string> RecordingsProcessing,
    int Recordings,
    int StatsMeetings);

/// <summary>One meeting in <see cref="FakeStateView"/>: its identity, state, the counts getMeetingInfo shows and
/// every registered user.</summary>
/// <param name="MeetingId">The meeting ID the client chose.</param>
/// <param name="InternalMeetingId">The ID the server derived (the recordings' and stats' key).</param>
/// <param name="Name">The meeting's name.</param>
/// <param name="Running">True while someone is connected.</param>
/// <param name="HasUserJoined">True once anyone has joined.</param>
/// <param name="GuestPolicy">The meeting's current guest policy (see <see cref="GuestPolicies"/>).</param>
/// <param name="ParticipantCount">Connected attendees.</param>
/// <param name="ModeratorCount">Connected moderators.</param>
/// <param name="ListenerCount">Connected listen-only attendees.</param>
/// <param name="VoiceParticipantCount">Connected attendees in the voice conference.</param>
/// <param name="VideoCount">Webcam streams (or attendees sharing one, depending on the options).</param>
/// <param name="Users">Everyone who joined, connected or not.</param>
public sealed record MeetingView(
    string MeetingId,
    string InternalMeetingId,
    string Name,
    bool Running,
    bool HasUserJoined,
    string GuestPolicy,
    int ParticipantCount,
    int ModeratorCount,
    int ListenerCount,
    int VoiceParticipantCount,
    int VideoCount,
    IReadOnlyList<UserView> Users);

/// <summary>A registered user; the presence fields are meaningful while <see cref="Connected"/>.</summary>
public sealed record UserView(
    string UserId,
    string InternalUserId,
    string FullName,
    string Role,
    bool Connected,
    bool Guest,
    bool WaitingForAcceptance,
    bool IsPresenter,
    bool IsListeningOnly,
    bool HasJoinedVoice,
    IReadOnlyList<string> VideoStreams);

internal static class StateViews
{
    public static MeetingView Meeting(MeetingSnapshot m, IReadOnlyList<Registration> registrations)
    {
        var attendees = m.Attendees.ToDictionary(a => a.InternalUserId, StringComparer.Ordinal);
        var users = registrations.Select(r => attendees.TryGetValue(r.InternalUserId, out var a)
            ? new UserView(a.UserId, a.InternalUserId, a.FullName, a.Role, true, a.Guest, a.WaitingForAcceptance, a.IsPresenter, a.IsListeningOnly, a.HasJoinedVoice, a.VideoStreams)
            : new UserView(r.UserId, r.InternalUserId, r.FullName, r.Role, false, r.Guest, r.Guest, false, false, false, []));
        return new MeetingView(
            m.MeetingId, m.InternalMeetingId, m.Definition.Name, m.Running, m.Status.HasUserJoined, m.Status.GuestPolicy,
            m.ParticipantCount, m.ModeratorCount, m.ListenerCount, m.VoiceParticipantCount, m.VideoCount, [.. users]);
    }
}

/// <summary>The fake's configurable server behaviour (GET/POST /fake/settings): the options a real server has as
/// configuration, which a client may meet in the field.</summary>
public sealed record FakeSettingsView(string GuestPolicy, string VideoCount, string DialNumber, bool AutoConnect)
{
    internal static FakeSettingsView From(EngineSettings settings) => new(
        settings.GuestPolicy,
        settings.VideoCountPerParticipant ? FakeServerOptions.VideoCountParticipants : FakeServerOptions.VideoCountStreams,
        settings.DefaultDialNumber,
        settings.AutoConnect);
}
