namespace Mconf.Mock.Engine;

/// <summary>One live meeting: what create fixed, plus the users and flags that presence changes. All state is
/// guarded by one lock per meeting; readers take an immutable <see cref="MeetingSnapshot"/>, cached until the
/// next change, and write XML from it outside the lock.</summary>
internal sealed partial class Meeting
{
    private readonly Lock _gate = new();
    private readonly ControllableClock _clock;
    private readonly Random _random;
    private readonly List<User> _registered = [];
    private readonly Dictionary<string, User> _byId = new(StringComparer.Ordinal);
    private readonly List<User> _participants = [];
    private readonly List<StatsParticipant> _history = [];
    private readonly StateVersion? _version;
    private MeetingSnapshot? _snapshot;
    private long _sequence;
    private bool _hasUserJoined;
    private bool _forciblyEnded;
    private bool _removed;
    private long _startTime;
    private long _endTime;
    private long _emptySince;
    private readonly bool _videoCountPerParticipant;
    private string _guestPolicy = GuestPolicies.AskModerator;

    public Meeting(MeetingDefinition definition, ControllableClock clock, int seed, StateVersion? version = null, EngineSettings? settings = null)
    {
        Definition = definition;
        _clock = clock;
        _random = new Random(seed);
        _version = version;
        _guestPolicy = settings?.GuestPolicy ?? GuestPolicies.AskModerator;
        _videoCountPerParticipant = settings?.VideoCountPerParticipant ?? false;

        // bbb-apps acknowledges a new meeting within ~100 ms; the fake does it at once.
        _startTime = definition.CreateTime;
    }

    public MeetingDefinition Definition { get; }

    /// <summary>Lookup key: <c>sha1hex(meetingID)</c>.</summary>
    public string Key => Definition.InternalMeetingId[..40];

    public bool IsRemoved
    {
        get
        {
            lock (_gate)
            {
                return _removed;
            }
        }
    }

    public bool IsForciblyEnded
    {
        get
        {
            lock (_gate)
            {
                return _forciblyEnded;
            }
        }
    }

    public MeetingSnapshot Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= new MeetingSnapshot(
                Definition,
                new MeetingStatus(_hasUserJoined, _forciblyEnded, _startTime, _endTime, _guestPolicy),
                [.. _participants.Select(u => u.Snapshot())],
                _videoCountPerParticipant);
        }
    }

    /// <summary>join's side effect: registers a user (not yet a participant). Null when the meeting is gone.</summary>
    public User? Register(string fullName, string role, string? externalUserId, bool guest, IReadOnlyList<KeyValuePair<string, string>> customData, string? avatarUrl, bool connect)
    {
        lock (_gate)
        {
            if (_removed)
            {
                return null;
            }

            var internalId = NewUserId();
            var user = new User
            {
                InternalUserId = internalId,
                ExternalUserId = string.IsNullOrEmpty(externalUserId) ? internalId : externalUserId,
                FullName = fullName,
                Role = role,
                AuthToken = Ids.RandomLowerAlphanumeric(_random, 12),
                Guest = guest,
                WaitingForAcceptance = guest,
                CustomData = customData,
                AvatarUrl = avatarUrl,
                Sequence = ++_sequence,
            };
            _registered.Add(user);
            _byId.Add(internalId, user);
            if (connect)
            {
                ConnectLocked(user);
            }

            Changed();
            return user;
        }
    }

    /// <summary>Marks the meeting ended by <c>end</c> or by its duration: every user leaves.</summary>
    public bool End(bool remove)
    {
        lock (_gate)
        {
            if (_removed || _forciblyEnded)
            {
                return false;
            }

            _forciblyEnded = true;
            _endTime = _clock.NowMs;
            foreach (var user in _participants.ToList())
            {
                DisconnectLocked(user, _endTime);
            }

            _registered.Clear();
            _byId.Clear();
            _removed |= remove;
            Changed();
            return true;
        }
    }

    /// <summary>Takes the meeting out of service (the registry removed it).</summary>
    public void MarkRemoved()
    {
        lock (_gate)
        {
            if (!_forciblyEnded && _endTime == 0)
            {
                _endTime = _clock.NowMs;
            }

            foreach (var user in _participants.ToList())
            {
                DisconnectLocked(user, _endTime);
            }

            _removed = true;
            Changed();
        }
    }

    /// <summary>Stats of the session so far (every connection that ended).</summary>
    public MeetingStats Stats()
    {
        lock (_gate)
        {
            return new MeetingStats(Definition.MeetingId, Definition.Name, Definition.InternalMeetingId, _startTime, _endTime == 0 ? _clock.NowMs : _endTime, [.. _history]);
        }
    }

    /// <summary>What the cleanup timer should do with this meeting now (specs/reference.md §5).</summary>
    public Expiry CheckExpiry(long now, TimeSpan createJoinWindow, TimeSpan emptyWindow)
    {
        lock (_gate)
        {
            if (_removed)
            {
                return Expiry.None;
            }

            if (_forciblyEnded)
            {
                return Expiry.RemoveEnded;
            }

            if (!_hasUserJoined && now - Definition.CreateTime > (long)createJoinWindow.TotalMilliseconds)
            {
                return Expiry.RemoveNeverJoined;
            }

            if (_hasUserJoined && _participants.Count == 0 && now - _emptySince > (long)emptyWindow.TotalMilliseconds)
            {
                return Expiry.RemoveEmpty;
            }

            return Definition.Duration > 0 && now - _startTime > Definition.Duration * 60_000L ? Expiry.DurationOver : Expiry.None;
        }
    }

    public IReadOnlyList<Registration> Registrations()
    {
        lock (_gate)
        {
            return [.. _registered.Select(u => new Registration(u.InternalUserId, u.ExternalUserId, u.FullName, u.Role, u.Guest, u.Connected))];
        }
    }

    public bool HadUsers
    {
        get
        {
            lock (_gate)
            {
                return _hasUserJoined;
            }
        }
    }

    public void SetGuestPolicy(string policy)
    {
        lock (_gate)
        {
            _guestPolicy = policy;
            Changed();
        }
    }

    private string NewUserId()
    {
        string id;
        do
        {
            id = Ids.RandomLowerAlphanumeric(_random, 12);
        }
        while (_byId.ContainsKey(id));

        return id;
    }

    /// <summary>Drops the cached snapshot (and with it the answers cached on it) and bumps the state version.</summary>
    private void Changed()
    {
        _snapshot = null;
        _version?.Bump();
    }
}

/// <summary>The cleanup timer's verdict on a meeting.</summary>
internal enum Expiry
{
    None,
    RemoveEnded,
    RemoveNeverJoined,
    RemoveEmpty,
    DurationOver,
}

/// <summary>A registered user as the control surface shows it (connected or not).</summary>
internal sealed record Registration(string InternalUserId, string UserId, string FullName, string Role, bool Guest, bool Connected);
