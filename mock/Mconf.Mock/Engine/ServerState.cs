namespace Mconf.Mock.Engine;

/// <summary>The state engine: meetings, recordings and stats, and the rules that tie them together (create,
/// join, end, the cleanup timer). Plain C#: no HTTP, no XML. Thread-safe.</summary>
internal sealed partial class ServerState
{
    private readonly Lock _sweepGate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _configs = new(StringComparer.Ordinal);
    private readonly StateVersion _version = new();
    private long _nextSweep;

    public ServerState(EngineSettings settings, ControllableClock clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        Settings = settings;
        Clock = clock;
        _nextSweep = clock.NowMs + (long)EngineSettings.CleanupInterval.TotalMilliseconds;
        Meetings = new MeetingRegistry(_version);
    }

    /// <summary>Replaced whole (never mutated) when the control surface changes a setting at run time.</summary>
    public EngineSettings Settings { get; set; }

    public ControllableClock Clock { get; }

    internal MeetingRegistry Meetings { get; }

    /// <summary>Moves on every change to the meetings in memory (see <see cref="StateVersion"/>): a reader that
    /// caches what it derived from <see cref="GetMeetings"/> reads it first and rebuilds when it changed.</summary>
    public long Version => _version.Value;

    internal RecordingLibrary Recordings { get; } = new();

    internal StatsArchive Stats { get; } = new();

    public CreateResult Create(CreateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Sweep();
        var definition = Define(command, Clock.NowMs);
        var meeting = new Meeting(definition, Clock, Ids.LocalSeed(Settings.Seed, "meeting", definition.InternalMeetingId), _version, Settings);
        if (Meetings.TryAdd(meeting, out var existing))
        {
            return new CreateResult(CreateOutcome.Created, meeting.Snapshot());
        }

        // Only the two passwords, as sent, are compared; a missing one is null and never equal.
        var same = existing!.Definition.AttendeePw == command.AttendeePw && existing.Definition.ModeratorPw == command.ModeratorPw;
        return same
            ? new CreateResult(CreateOutcome.DuplicateWarning, existing.Snapshot())
            : new CreateResult(CreateOutcome.IdNotUnique, null);
    }

    public JoinResult Join(JoinCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Sweep();
        var meeting = Meetings.Find(command.MeetingId);
        if (meeting is null)
        {
            return new JoinResult(JoinOutcome.MeetingNotFound);
        }

        var d = meeting.Definition;
        if (!string.IsNullOrEmpty(command.CreateTime)
            && (!Java.TryParseLong(command.CreateTime, out var createTime) || createTime != d.CreateTime))
        {
            return new JoinResult(JoinOutcome.CreateTimeMismatch);
        }

        if (meeting.IsForciblyEnded)
        {
            return new JoinResult(JoinOutcome.ForciblyEnded);
        }

        // The moderator password is tried first, so equal passwords make a moderator.
        var role = command.Password == d.ModeratorPw ? Roles.Moderator
            : command.Password == d.AttendeePw ? Roles.Viewer
            : null;
        if (role is null)
        {
            return new JoinResult(JoinOutcome.InvalidPassword);
        }

        if (!string.IsNullOrEmpty(command.ConfigToken) && !_configs.ContainsKey(ConfigKey(d.InternalMeetingId, command.ConfigToken)))
        {
            return new JoinResult(JoinOutcome.NoConfigFound);
        }

        var user = meeting.Register(command.FullName, role, command.UserId, command.Guest, command.CustomData, command.AvatarUrl, Settings.AutoConnect);
        return user is null
            ? new JoinResult(JoinOutcome.MeetingNotFound)
            : new JoinResult(JoinOutcome.Joined, d.InternalMeetingId, user.InternalUserId, user.AuthToken);
    }

    public bool IsMeetingRunning(string meetingId)
    {
        Sweep();
        return Meetings.Find(meetingId)?.Snapshot().Running ?? false;
    }

    public EndOutcome End(string meetingId, string password)
    {
        Sweep();
        var meeting = Meetings.Find(meetingId);
        if (meeting is null)
        {
            return EndOutcome.MeetingNotFound;
        }

        if (password != meeting.Definition.ModeratorPw)
        {
            return EndOutcome.InvalidPassword;
        }

        EndMeeting(meeting);
        return EndOutcome.Ended;
    }

    public MeetingSnapshot? GetMeeting(string meetingId)
    {
        Sweep();
        return Meetings.Find(meetingId)?.Snapshot();
    }

    /// <summary>Snapshots of every meeting in memory (each taken under its own lock, none held while the caller
    /// writes them out).</summary>
    public IReadOnlyList<MeetingSnapshot> GetMeetings()
    {
        Sweep();
        var list = new List<MeetingSnapshot>(Meetings.Count);
        foreach (var meeting in Meetings.All())
        {
            list.Add(meeting.Snapshot());
        }

        return list;
    }

    public IReadOnlyList<Recording> GetRecordings(IReadOnlyList<string>? meetingIds, IReadOnlyList<KeyValuePair<string, string>> metaFilters) =>
        Recordings.Query(meetingIds, metaFilters);

    /// <summary>Moves on every change to the recordings getRecordings can list (see <see cref="RecordingLibrary.Version"/>).</summary>
    public long RecordingsVersion => Recordings.Version;

    public bool PublishRecordings(IReadOnlyList<string> recordIds, bool publish) => Recordings.Publish(recordIds, publish);

    public int DeleteRecordings(IReadOnlyList<string> recordIds) => Recordings.Delete(recordIds);

    public IReadOnlyList<MeetingStats> GetStats(IReadOnlyList<string>? meetingIds) => Stats.Query(meetingIds);

    /// <summary>Ends a meeting as <c>end</c> does: users leave, stats are kept, a recording is queued when the
    /// meeting was recorded and someone attended, and (removeMeetingWhenEnded) the meeting leaves memory.</summary>
    internal void EndMeeting(Meeting meeting)
    {
        if (!meeting.End(Settings.RemoveMeetingWhenEnded))
        {
            return;
        }

        if (Settings.RemoveMeetingWhenEnded)
        {
            Meetings.Remove(meeting);
        }

        Archive(meeting);
    }

    /// <summary>Runs the cleanup timer when its next tick is due (lazily, on API traffic or a clock change).</summary>
    public void Sweep()
    {
        if (!Settings.ExpireMeetings)
        {
            return;
        }

        var now = Clock.NowMs;
        if (now < Interlocked.Read(ref _nextSweep))
        {
            return;
        }

        lock (_sweepGate)
        {
            var interval = (long)EngineSettings.CleanupInterval.TotalMilliseconds;
            if (now < _nextSweep)
            {
                return;
            }

            Interlocked.Exchange(ref _nextSweep, now + interval - ((now - _nextSweep) % interval));
            foreach (var meeting in Meetings.All().ToList())
            {
                Expire(meeting, now);
            }
        }
    }

    private void Expire(Meeting meeting, long now)
    {
        switch (meeting.CheckExpiry(now, EngineSettings.CreateJoinWindow, EngineSettings.EmptyWindow))
        {
            case Expiry.RemoveEnded:
            case Expiry.RemoveNeverJoined:
                Meetings.Remove(meeting);
                break;
            case Expiry.RemoveEmpty:
                Meetings.Remove(meeting);
                Archive(meeting);
                break;
            case Expiry.DurationOver:
                EndMeeting(meeting);
                break;
            case Expiry.None:
            default:
                break;
        }
    }

    /// <summary>setConfigXML: stores a client config for a meeting and returns its 8-character token (the same
    /// config stored twice gets the same token).</summary>
    public string? StoreConfig(string meetingId, string configXml)
    {
        ArgumentNullException.ThrowIfNull(configXml);
        var meeting = Meetings.Find(meetingId);
        if (meeting is null)
        {
            return null;
        }

        var token = Ids.RandomAlphanumeric(new Random(Ids.LocalSeed(Settings.Seed, "config", meeting.Definition.InternalMeetingId, configXml)), 8);
        _configs[ConfigKey(meeting.Definition.InternalMeetingId, token)] = configXml;
        return token;
    }

    private static string ConfigKey(string internalMeetingId, string token) => internalMeetingId + "\n" + token;

    private void Archive(Meeting meeting)
    {
        if (!meeting.HadUsers)
        {
            return;
        }

        var stats = meeting.Stats();
        Stats.Add(stats);
        if (meeting.Definition.Record)
        {
            var recording = RecordingFactory.FromSession(meeting.Definition, stats, Settings);
            if (Settings.ProcessRecordingsAtOnce)
            {
                Recordings.Add(recording);
            }
            else
            {
                Recordings.AddProcessing(recording);
            }
        }
    }
}
