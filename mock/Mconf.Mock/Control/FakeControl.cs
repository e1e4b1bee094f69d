using Mconf.Mock.Engine;

namespace Mconf.Mock;

/// <summary>Simulated presence and server-side events, since no real client ever connects to a fake. The same
/// operations are served over HTTP under <c>/fake/</c> (see mock/README.md). A user is named by the internal
/// user ID join returned (<c>user_id</c>) or by the external <c>userID</c> given to join. Failures throw
/// <see cref="FakeControlException"/>.</summary>
public sealed class FakeControl
{
    private readonly ServerState _state;
    private readonly Action _reseed;
    private readonly string _flavour;

    internal FakeControl(ServerState state, string flavour, Action reseed)
    {
        _state = state;
        _flavour = flavour;
        _reseed = reseed;
    }

    /// <summary>The fake's current time.</summary>
    public DateTimeOffset Now => _state.Clock.GetUtcNow();

    /// <summary>A joined user's client connects: the user becomes an attendee (a guest waits for acceptance).</summary>
    public AttendeeSnapshot Connect(string meetingId, string userId) => Meeting(meetingId).Connect(userId);

    /// <summary>Connects every joined user who is not connected; returns how many connected.</summary>
    public int ConnectAll(string meetingId) => Meeting(meetingId).ConnectAll();

    /// <summary>The user's client disconnects: the user leaves the attendees (and voice, webcams, presenter).</summary>
    public void Leave(string meetingId, string userId) => Meeting(meetingId).Leave(userId);

    /// <summary>Makes the user the presenter; the previous presenter stops presenting.</summary>
    public AttendeeSnapshot SetPresenter(string meetingId, string userId) => Meeting(meetingId).SetPresenter(userId);

    /// <summary>Changes a connected user's role (MODERATOR or VIEWER), as a moderator can in the Mconf client.</summary>
    public AttendeeSnapshot SetRole(string meetingId, string userId, string role)
    {
        var normalised = (role ?? "").Trim().ToUpperInvariant();
        if (normalised is not (Roles.Moderator or Roles.Viewer))
        {
            throw new FakeControlException(ControlError.BadRequest, $"Unknown role '{role}' (MODERATOR, VIEWER).");
        }

        return Meeting(meetingId).SetRole(userId, normalised);
    }

    /// <summary>Joins (true) or leaves (false) the voice conference; joining ends listen-only.</summary>
    public AttendeeSnapshot SetVoice(string meetingId, string userId, bool on = true) => Meeting(meetingId).SetVoice(userId, on);

    /// <summary>Switches listen-only on or off; on leaves the voice conference.</summary>
    public AttendeeSnapshot SetListenOnly(string meetingId, string userId, bool on = true) => Meeting(meetingId).SetListenOnly(userId, on);

    /// <summary>Shares a webcam; returns the stream name (<c>320x240-&lt;internal user ID&gt;-&lt;ms&gt;</c>).</summary>
    public string StartWebcam(string meetingId, string userId) => Meeting(meetingId).StartWebcam(userId);

    /// <summary>Stops one stream, or all the user's streams when <paramref name="streamName"/> is null.</summary>
    public int StopWebcam(string meetingId, string userId, string? streamName = null) => Meeting(meetingId).StopWebcam(userId, streamName);

    /// <summary>Lets a waiting guest in, as a moderator would.</summary>
    public void ApproveGuest(string meetingId, string userId) => Meeting(meetingId).AnswerGuest(userId, accept: true);

    /// <summary>Denies a waiting guest, who is kicked out (and cannot reconnect).</summary>
    public void DenyGuest(string meetingId, string userId) => Meeting(meetingId).AnswerGuest(userId, accept: false);

    /// <summary>Lets every waiting guest of the meeting in; returns how many there were.</summary>
    public int ApproveAllGuests(string meetingId) => Meeting(meetingId).AnswerAllGuests(accept: true);

    /// <summary>Denies every waiting guest of the meeting; returns how many there were.</summary>
    public int DenyAllGuests(string meetingId) => Meeting(meetingId).AnswerAllGuests(accept: false);

    /// <summary>ASK_MODERATOR (default), ALWAYS_ACCEPT or ALWAYS_DENY; applies to guests who connect later.</summary>
    public void SetGuestPolicy(string meetingId, string policy)
    {
        if (!GuestPolicies.TryNormalise(policy, out var normalised))
        {
            throw new FakeControlException(ControlError.BadRequest, $"Unknown guest policy '{policy}' (ASK_MODERATOR, ALWAYS_ACCEPT, ALWAYS_DENY).");
        }

        Meeting(meetingId).SetGuestPolicy(normalised);
    }

    /// <summary>The server configuration a client's behaviour may depend on (what a real server has in its
    /// properties): guest policy of new meetings, videoCount reading, default dial number, auto-connected joins.</summary>
    public FakeSettingsView GetSettings() => FakeSettingsView.From(_state.Settings);

    /// <summary>Changes the given settings (null leaves one as it is) for what happens from now on: the guest policy
    /// and the videoCount reading of meetings created later, the dial number of later creates without one, and
    /// whether later joins connect at once. Returns the settings now in force.</summary>
    public FakeSettingsView SetSettings(string? guestPolicy = null, string? videoCount = null, string? dialNumber = null, bool? autoConnect = null)
    {
        var settings = _state.Settings;
        if (guestPolicy is not null)
        {
            settings = GuestPolicies.TryNormalise(guestPolicy, out var policy) ? settings with { GuestPolicy = policy }
                : throw new FakeControlException(ControlError.BadRequest, $"Unknown guest policy '{guestPolicy}' (ASK_MODERATOR, ALWAYS_ACCEPT, ALWAYS_DENY).");
        }

        if (videoCount is not null)
        {
            settings = videoCount.Trim().ToLowerInvariant() switch
            {
                FakeServerOptions.VideoCountStreams => settings with { VideoCountPerParticipant = false },
                FakeServerOptions.VideoCountParticipants => settings with { VideoCountPerParticipant = true },
                _ => throw new FakeControlException(ControlError.BadRequest, $"Unknown videoCount reading '{videoCount}' (streams, participants)."),
            };
        }

        if (dialNumber is not null)
        {
            settings = settings with { DefaultDialNumber = dialNumber };
        }

        if (autoConnect is { } connect)
        {
            settings = settings with { AutoConnect = connect };
        }

        _state.Settings = settings;
        return FakeSettingsView.From(settings);
    }

    /// <summary>Ends the meeting as end does (a moderator ending it from the client needs no password).</summary>
    public void EndMeeting(string meetingId) => _state.EndMeeting(Meeting(meetingId));

    /// <summary>Finishes recording processing: recordings of ended meetings become visible. Returns their IDs.</summary>
    public IReadOnlyList<string> ProcessRecordings() => [.. _state.Recordings.FinishProcessing().Select(r => r.RecordId)];

    /// <summary>Moves the clock forward and runs whatever the cleanup timer would have done meanwhile.</summary>
    public DateTimeOffset AdvanceClock(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new FakeControlException(ControlError.BadRequest, "The clock only moves forward.");
        }

        _state.Clock.Advance(by);
        _state.Sweep();
        return Now;
    }

    /// <summary>The meeting as getMeetingInfo would show it now, or null when there is no such meeting.</summary>
    public MeetingSnapshot? GetMeeting(string meetingId) => _state.GetMeeting(meetingId);

    /// <summary>Everyone who joined the meeting, connected or not.</summary>
    public IReadOnlyList<UserView> GetUsers(string meetingId)
    {
        var meeting = Meeting(meetingId);
        return StateViews.Meeting(meeting.Snapshot(), meeting.Registrations()).Users;
    }

    /// <summary>The whole fake at a glance (the same view as <c>GET /fake/state</c>).</summary>
    public FakeStateView GetState()
    {
        _state.Sweep();
        var meetings = _state.Meetings.All().Select(m => StateViews.Meeting(m.Snapshot(), m.Registrations())).ToList();
        return new FakeStateView(
            _state.Clock.NowMs,
            _flavour,
            meetings,
            [.. _state.Recordings.Processing().Select(r => r.RecordId)],
            _state.Recordings.Query(null, []).Count,
            _state.Stats.Query(null).Count);
    }

    /// <summary>Forgets every meeting, recording and stat and seeds the data again (the clock keeps its time).</summary>
    public void Reset()
    {
        _state.Clear();
        _reseed();
    }

    private Meeting Meeting(string meetingId)
    {
        ArgumentNullException.ThrowIfNull(meetingId);
        return _state.RequireMeeting(meetingId);
    }
}
