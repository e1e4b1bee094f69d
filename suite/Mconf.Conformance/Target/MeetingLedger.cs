using System.Collections.Concurrent;
using System.Text;
using Mconf.Conformance.Checks;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Target;

/// <summary>Every meeting the run creates: IDs are <c>&lt;prefix&gt;-&lt;runId&gt;-&lt;purpose&gt;-&lt;random&gt;</c>,
/// registered before the create is sent, and ended by <see cref="EndAllAsync"/>, which also sweeps getMeetings
/// for any meeting carrying the run's prefix (a create whose answer was lost still gets ended).
/// It also bounds the run's footprint: a create first takes one of <see cref="Bound"/> slots (waiting for one), and
/// the slot comes back when the meeting is ended. Slots are held by owners: a case (its meetings are ended when it
/// finishes, <see cref="EndOwnedAsync"/>) or a fixture of the session (the shared meeting, the end answer, the
/// presence session). Fixtures keep <see cref="FixtureReserve"/> slots the cases cannot take, so a case waiting for
/// the shared meeting never starves its creation; a case that already holds a meeting and needs another while every
/// holder waits likewise is made inconclusive instead of deadlocking.</summary>
internal sealed class MeetingLedger
{
    /// <summary>The shared meeting (kept all run) and one short-lived fixture meeting (the end answer).</summary>
    public const int FixtureReserve = 2;

    private readonly ConcurrentDictionary<string, string?> _meetings = new(StringComparer.Ordinal);
    private readonly RandomSource _random;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Holder> _live = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private int _casesLive;
    private int _created;
    private int _maxLive;
    private bool _closed;
    private IReadOnlyList<string>? _sweptLeftovers;
    private bool _closedSweep;

    private readonly TimeProvider _time;

    public MeetingLedger(string meetingPrefix, string runId, RandomSource? random = null, int bound = RunOptions.DefaultMaxLiveMeetings,
        TimeProvider? time = null, TimeSpan? slotWait = null)
    {
        Prefix = $"{Clean(meetingPrefix)}-{Clean(runId)}-";
        _random = random ?? new RandomSource(0);
        Bound = Math.Max(RunOptions.MinLiveMeetings, bound);
        _time = time ?? TimeProvider.System;
        SlotWait = slotWait ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>The start of every meeting ID (and unknown-ID probe) of this run.</summary>
    public string Prefix { get; }

    /// <summary>Most meetings of the run live at once.</summary>
    public int Bound { get; }

    /// <summary>The longest a create waits for a slot before its case is made inconclusive (a bound too small for
    /// what the cases need at once must not hang the run).</summary>
    public TimeSpan SlotWait { get; }

    public IReadOnlyCollection<string> MeetingIds => [.. _meetings.Keys];

    /// <summary>Distinct meetings the run sent a create for.</summary>
    public int MeetingsCreated
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }

    /// <summary>The most meetings of the run that held a slot at once.</summary>
    public int MaxLive
    {
        get
        {
            lock (_lock)
            {
                return _maxLive;
            }
        }
    }

    /// <summary>Meetings holding a slot now.</summary>
    public int Live
    {
        get
        {
            lock (_lock)
            {
                return _live.Count;
            }
        }
    }

    public string NewId(string purpose) => Prefix + Clean(purpose) + "-" + _random.Hex(10);

    /// <summary>An ID no meeting or recording has: the run's prefix, so even a wrong server cannot touch another's.</summary>
    public string UnknownId(string what) => Prefix + "unknown-" + Clean(what) + "-" + _random.Hex(8);

    /// <summary>A fresh random part for a user ID or password of the run.</summary>
    public string Random(int length = 8) => _random.Hex(length);

    /// <summary>A random voice bridge in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public string RandomNumber(int min, int max) => _random.Number(min, max);

    public bool IsOurs(string? meetingId) => meetingId is not null && meetingId.Trim().StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True for the recording of a meeting this run created: its record ID is that meeting's internal ID,
    /// sha1(meetingID)-createTime (<see cref="KitMeetings.InternalId"/>), so publishing it touches nothing of anyone else's.</summary>
    public bool IsOurRecording(string? recordId)
    {
        var dash = recordId?.LastIndexOf('-') ?? -1;
        if (recordId is null || dash <= 0 || dash == recordId.Length - 1 || !recordId[(dash + 1)..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var createTime = recordId[(dash + 1)..];
        return _meetings.Keys.Any(id => IsOurs(id) && KitMeetings.InternalId(id, createTime) == recordId);
    }

    public void Register(string meetingId, string? moderatorPassword) =>
        _meetings.AddOrUpdate(meetingId, moderatorPassword, (_, old) => old ?? moderatorPassword);

    /// <summary>Takes a slot for <paramref name="meetingId"/> before its create is sent (nothing to take when it
    /// already holds one: a second create of the same meeting). Waits while the run is at its bound.</summary>
    /// <exception cref="OperationCanceledException">The run is ending (<see cref="Close"/>) or was cancelled.</exception>
    /// <exception cref="CaseInconclusive">No slot within <see cref="SlotWait"/>, or the cases holding meetings all wait for more.</exception>
    public async Task AcquireAsync(string meetingId, object owner, bool fixture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetingId);
        ArgumentNullException.ThrowIfNull(owner);
        Waiter waiter;
        lock (_lock)
        {
            if (_closed)
            {
                throw new OperationCanceledException("The run is ending: it creates no more meetings.");
            }

            if (_live.ContainsKey(meetingId))
            {
                return;
            }

            waiter = new Waiter(meetingId, owner, fixture, Holds(owner));
            _waiters.Add(waiter);
            Pump();
            if (waiter.Granted.Task.IsCompleted)
            {
                return;
            }

            if (!fixture && waiter.HoldsAlready && AllCaseHoldersWait(owner))
            {
                _waiters.Remove(waiter);
                throw new CaseInconclusive($"this case needs more of its own meetings live at once than --max-live-meetings {Bound} leaves to cases ({Bound - FixtureReserve}) while the others wait too");
            }
        }

        using var timeout = new CancellationTokenSource(SlotWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await waiter.Granted.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                if (waiter.Granted.Task.IsCompletedSuccessfully)
                {
                    // Granted at the last moment: the create goes ahead.
                    return;
                }

                _waiters.Remove(waiter);
                Pump();
            }

            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                string holders;
                lock (_lock)
                {
                    holders = string.Join(", ", _live.Select(l => l.Key + (l.Value.Fixture ? " (held by the run, not a case)" : "")));
                }

                throw new CaseInconclusive($"no meeting slot within {SlotWait.TotalSeconds:0} s: {Bound} of the run's meetings were live (--max-live-meetings): {holders}");
            }

            throw;
        }
    }

    /// <summary>After an end of <paramref name="meetingId"/>: SUCCESS or notFound means the meeting is gone, so its
    /// slot is free again and the final cleanup need not end it.</summary>
    public void Settle(string meetingId, bool gone)
    {
        if (gone)
        {
            Release(meetingId, ended: true);
        }
    }

    /// <summary>Ends the meetings <paramref name="owner"/> holds (a finished case) and frees their slots.</summary>
    public async Task EndOwnedAsync(object owner, TargetClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        List<string> owned;
        lock (_lock)
        {
            owned = [.. _live.Where(l => ReferenceEquals(l.Value.Owner, owner)).Select(l => l.Key)];
        }

        await EndAndReleaseAsync(owned, client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every meeting holding a slot (after the presence session, before the cases start).</summary>
    public async Task EndLiveAsync(TargetClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        List<string> live;
        lock (_lock)
        {
            live = [.. _live.Keys];
        }

        await EndAndReleaseAsync(live, client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No create gets a slot from now on (waiting ones are cancelled): the run is ending and its sweep must
    /// not race a new meeting.</summary>
    public void Close()
    {
        List<Waiter> waiting;
        lock (_lock)
        {
            _closed = true;
            waiting = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.Granted.TrySetCanceled();
        }
    }

    /// <summary>Ends every registered meeting and every meeting with the run's prefix still listed by getMeetings.
    /// Returns the IDs that are still listed (not forcibly ended) afterwards; empty when all went. Once the ledger is
    /// closed, only the first sweep asks the target; later calls return what it found (an interrupted run must not
    /// spend its few seconds twice).</summary>
    public async Task<IReadOnlyList<string>> EndAllAsync(TargetClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        lock (_lock)
        {
            if (_closed && _closedSweep)
            {
                return _sweptLeftovers ?? [.. _meetings.Keys.Where(id => !_ended.Contains(id))];
            }

            _closedSweep = _closed;
            _sweptLeftovers = null;
        }

        var toEnd = new Dictionary<string, string?>(_meetings.Where(m => !IsEnded(m.Key)), StringComparer.Ordinal);
        foreach (var (id, password) in await ListOursAsync(client, cancellationToken).ConfigureAwait(false))
        {
            toEnd[id] = toEnd.GetValueOrDefault(id) ?? password;
        }

        await EndManyAsync(toEnd, client, cancellationToken).ConfigureAwait(false);

        var left = await ListOursAsync(client, cancellationToken).ConfigureAwait(false);
        if (left.Count > 0)
        {
            await EndManyAsync(left.ToDictionary(l => l.Id, l => l.Password, StringComparer.Ordinal), client, cancellationToken).ConfigureAwait(false);
            left = await ListOursAsync(client, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> leftovers = [.. left.Select(m => m.Id)];
        lock (_lock)
        {
            _sweptLeftovers = leftovers;
        }

        return leftovers;
    }

    private async Task EndAndReleaseAsync(IReadOnlyList<string> ids, TargetClient client, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var gone = await EndAsync(client, id, _meetings.GetValueOrDefault(id), cancellationToken).ConfigureAwait(false);
            // The slot comes back even when the end went unanswered (a target that lost it must not stall the run);
            // the meeting stays on the list the final sweep ends.
            Release(id, gone);
        }
    }

    /// <summary>Ends meetings a few at a time: an interrupted run has seconds, not one round trip per meeting.</summary>
    private async Task EndManyAsync(IReadOnlyDictionary<string, string?> meetings, TargetClient client, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(meetings, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (m, token) => Release(m.Key, await EndAsync(client, m.Key, m.Value, token).ConfigureAwait(false))).ConfigureAwait(false);
    }

    /// <summary>True when the answer says the meeting is gone (ended now, or not there).</summary>
    private static async Task<bool> EndAsync(TargetClient client, string id, string? password, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.CallAsync("end", [new("meetingID", id), new("password", password ?? "")], cancellationToken).ConfigureAwait(false);
            return IsGone(answer);
        }
        catch (TransportFailure)
        {
            // Best effort: the sweep after it reports what is left.
            return false;
        }
    }

    /// <summary>An end answer meaning the meeting no longer runs: SUCCESS, or notFound (already gone).</summary>
    public static bool IsGone(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Xml is { } xml && (xml.IsSuccess || string.Equals(xml.MessageKey, "notFound", StringComparison.Ordinal));
    }

    private bool IsEnded(string id)
    {
        lock (_lock)
        {
            return _ended.Contains(id);
        }
    }

    private void Release(string meetingId, bool ended)
    {
        lock (_lock)
        {
            if (ended)
            {
                _ended.Add(meetingId);
            }

            if (_live.Remove(meetingId, out var holder))
            {
                if (!holder.Fixture)
                {
                    _casesLive--;
                }

                Pump();
            }
        }
    }

    // Under _lock. Fixtures may use every slot; cases leave FixtureReserve of them to fixtures.
    private bool Fits(Waiter waiter) =>
        _live.Count < Bound && (waiter.Fixture || _casesLive < Bound - FixtureReserve);

    // Under _lock.
    private void Grant(Waiter waiter)
    {
        _live[waiter.MeetingId] = new Holder(waiter.Owner, waiter.Fixture);
        if (!waiter.Fixture)
        {
            _casesLive++;
        }

        _created++;
        _maxLive = Math.Max(_maxLive, _live.Count);
        waiter.Granted.TrySetResult();
    }

    // Under _lock: grants waiting creates in priority order (fixtures, then cases that already hold a meeting, then
    // the rest, each in arrival order) while they fit.
    private void Pump()
    {
        if (_closed)
        {
            return;
        }

        foreach (var waiter in _waiters.OrderBy(w => w.Fixture ? 0 : w.HoldsAlready ? 1 : 2).ToList())
        {
            if (_live.ContainsKey(waiter.MeetingId))
            {
                _waiters.Remove(waiter);
                waiter.Granted.TrySetResult();
            }
            else if (Fits(waiter))
            {
                _waiters.Remove(waiter);
                Grant(waiter);
            }
        }
    }

    // Under _lock.
    private bool Holds(object owner) => _live.Values.Any(h => ReferenceEquals(h.Owner, owner));

    // Under _lock: every other case holding a meeting is itself waiting for one more.
    private bool AllCaseHoldersWait(object owner)
    {
        if (_casesLive < Bound - FixtureReserve)
        {
            return false;
        }

        var holders = _live.Values.Where(h => !h.Fixture).Select(h => h.Owner).Distinct().Where(o => !ReferenceEquals(o, owner));
        return holders.All(o => _waiters.Any(w => ReferenceEquals(w.Owner, o)));
    }

    /// <summary>Meetings listed by getMeetings whose ID has the run prefix and that are not forcibly ended.</summary>
    private async Task<List<(string Id, string? Password)>> ListOursAsync(TargetClient client, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.CallAsync("getMeetings", [], cancellationToken).ConfigureAwait(false);
            if (answer.Xml is null)
            {
                return [];
            }

            return [.. answer.Xml.Select("meetings/meeting")
                .Where(m => IsOurs(BbbResponse.Value(m, "meetingID")) && BbbResponse.Value(m, "hasBeenForciblyEnded") != "true")
                .Select(m => (BbbResponse.Value(m, "meetingID")!, BbbResponse.Value(m, "moderatorPW")))];
        }
        catch (TransportFailure)
        {
            return [];
        }
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.Length == 0 ? "x" : builder.ToString();
    }

    private sealed record Holder(object Owner, bool Fixture);

    private sealed class Waiter(string meetingId, object owner, bool fixture, bool holdsAlready)
    {
        public string MeetingId { get; } = meetingId;

        public object Owner { get; } = owner;

        public bool Fixture { get; } = fixture;

        public bool HoldsAlready { get; } = holdsAlready;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
