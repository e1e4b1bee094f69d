namespace Mconf.Mock.Engine;

/// <summary>Presence: what bbb-apps would report when a real client connects, leaves, talks, shares a webcam
/// or is let in as a guest (specs/reference.md §5, §6.2). Driven by the control surface or, with AutoConnect, by join.</summary>
internal sealed partial class Meeting
{
    /// <summary>The user a control call names: an internal user ID, else the most recent registration with that
    /// external userID (preferring a connected one, or for <paramref name="forConnect"/> one not yet connected).</summary>
    private User Resolve(string userRef, bool forConnect = false)
    {
        if (_removed)
        {
            throw new FakeControlException(ControlError.NotFound, $"Meeting '{Definition.MeetingId}' is no longer running.");
        }

        if (_byId.TryGetValue(userRef, out var byId))
        {
            return byId;
        }

        User? best = null;
        for (var i = _registered.Count - 1; i >= 0; i--)
        {
            var u = _registered[i];
            if (u.ExternalUserId != userRef)
            {
                continue;
            }

            if (u.Connected != forConnect)
            {
                return u;
            }

            best ??= u;
        }

        return best ?? throw new FakeControlException(ControlError.NotFound, $"No user '{userRef}' joined meeting '{Definition.MeetingId}'.");
    }

    private User ResolveConnected(string userRef)
    {
        var user = Resolve(userRef);
        return user.Connected ? user : throw new FakeControlException(ControlError.Conflict, $"User '{userRef}' is not connected.");
    }

    public AttendeeSnapshot Connect(string userRef)
    {
        lock (_gate)
        {
            var user = Resolve(userRef, forConnect: true);
            if (!user.Connected)
            {
                if (user.Guest && _guestPolicy == GuestPolicies.AlwaysDeny)
                {
                    Forget(user);
                    Changed();
                    throw new FakeControlException(ControlError.Conflict, $"Guest '{userRef}' was denied by the meeting's guest policy.");
                }

                ConnectLocked(user);
                Changed();
            }

            return user.Snapshot();
        }
    }

    /// <summary>Connects every registered user who is not connected; returns how many connected.</summary>
    public int ConnectAll()
    {
        lock (_gate)
        {
            var count = 0;
            foreach (var user in _registered.Where(u => !u.Connected).ToList())
            {
                if (user.Guest && _guestPolicy == GuestPolicies.AlwaysDeny)
                {
                    Forget(user);
                    continue;
                }

                ConnectLocked(user);
                count++;
            }

            Changed();
            return count;
        }
    }

    public void Leave(string userRef)
    {
        lock (_gate)
        {
            var user = Resolve(userRef);
            if (user.Connected)
            {
                DisconnectLocked(user);
                Changed();
            }
        }
    }

    public AttendeeSnapshot SetPresenter(string userRef)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            foreach (var other in _participants)
            {
                other.IsPresenter = false;
            }

            user.IsPresenter = true;
            Changed();
            return user.Snapshot();
        }
    }

    /// <summary>A moderator changes the user's role in the client (Mconf's user_role_changed_message).</summary>
    public AttendeeSnapshot SetRole(string userRef, string role)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            user.Role = role;
            Changed();
            return user.Snapshot();
        }
    }

    /// <summary>Joins or leaves the voice conference; joining voice ends listen-only (the client offers one or the other).</summary>
    public AttendeeSnapshot SetVoice(string userRef, bool on)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            user.Voice = on;
            user.ListenOnly &= !on;
            Changed();
            return user.Snapshot();
        }
    }

    /// <summary>Switches listen-only; turning it on leaves the voice conference.</summary>
    public AttendeeSnapshot SetListenOnly(string userRef, bool on)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            user.ListenOnly = on;
            user.Voice &= !on;
            Changed();
            return user.Snapshot();
        }
    }

    /// <summary>Starts a webcam stream named like the Flash client does: <c>320x240-&lt;userID&gt;-&lt;ms&gt;</c>.</summary>
    public string StartWebcam(string userRef)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            var ms = _clock.NowMs;
            while (user.Streams.Contains(StreamName(user, ms)))
            {
                ms++;
            }

            var name = StreamName(user, ms);
            user.Streams.Add(name);
            Changed();
            return name;
        }
    }

    /// <summary>Stops one stream (by name) or all of the user's streams; returns how many stopped.</summary>
    public int StopWebcam(string userRef, string? streamName)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            var stopped = streamName is null ? user.Streams.Count : (user.Streams.Contains(streamName) ? 1 : 0);
            if (streamName is null)
            {
                user.Streams.Clear();
            }
            else if (stopped == 0)
            {
                throw new FakeControlException(ControlError.NotFound, $"User '{userRef}' has no stream '{streamName}'.");
            }
            else
            {
                user.Streams.Remove(streamName);
            }

            Changed();
            return stopped;
        }
    }

    private void ConnectLocked(User user)
    {
        user.Connected = true;
        user.ConnectedAt = _clock.NowMs;
        if (user.Guest)
        {
            user.WaitingForAcceptance = _guestPolicy == GuestPolicies.AskModerator;
        }

        _participants.Add(user);
        _hasUserJoined = true;
        AssignPresenterIfNone(user);
    }

    /// <summary>The first moderator in the room (not waiting) becomes presenter when there is none.</summary>
    private void AssignPresenterIfNone(User user)
    {
        if (user.Role == Roles.Moderator && !user.WaitingForAcceptance && !_participants.Any(p => p.IsPresenter))
        {
            user.IsPresenter = true;
        }
    }

    /// <param name="user">The user who leaves.</param>
    /// <param name="at">When: an ending meeting passes its own end time, so no leftTime falls after endTime.</param>
    private void DisconnectLocked(User user, long? at = null)
    {
        if (!user.Connected)
        {
            return;
        }

        var now = at ?? _clock.NowMs;
        _history.Add(new StatsParticipant(user.InternalUserId, user.FullName, user.ConnectedAt, now));
        _participants.Remove(user);
        user.Connected = false;
        user.IsPresenter = false;
        user.Voice = false;
        user.ListenOnly = false;
        user.Streams.Clear();
        if (_participants.Count == 0)
        {
            _emptySince = now;
        }
    }

    private void Forget(User user)
    {
        _registered.Remove(user);
        _byId.Remove(user.InternalUserId);
    }

    private static string StreamName(User user, long ms) =>
        "320x240-" + user.InternalUserId + "-" + ms.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
