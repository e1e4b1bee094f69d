using System.Collections;

namespace Mconf.Mock.Verification;

/// <summary>The API requests the fake received (oldest first), each judged as a client check, bounded by
/// <c>JournalLimit</c> (oldest dropped). Enumerating takes a snapshot, so LINQ over it is safe while requests
/// arrive.</summary>
public sealed class RequestJournal : IReadOnlyCollection<ApiCallRecord>
{
    private readonly Queue<ApiCallRecord> _records = new();
    private readonly Lock _gate = new();
    private readonly int _limit;
    private readonly RequestJudge _judge;
    private readonly string _secret;
    private readonly TimeProvider _clock;
    private long _sequence;

    internal RequestJournal(int limit, RequestJudge judge, string secret, TimeProvider clock)
    {
        _limit = limit;
        _judge = judge;
        _secret = secret;
        _clock = clock;
    }

    /// <summary>Requests now in the journal.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>The records now in the journal, oldest first.</summary>
    public IReadOnlyList<ApiCallRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <summary>Forgets every record (sequence numbers go on).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }

    /// <summary>The client-conformance summary of the requests now in the journal.</summary>
    public ClientReport Report() => ClientReport.Of(Snapshot());

    /// <summary>The requests now in the journal, oldest first.</summary>
    public IEnumerator<ApiCallRecord> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string method, string rawPath, string rawQuery, ApiAnswerSummary answer, string? fault)
    {
        if (_limit == 0)
        {
            return;
        }

        var record = new ApiCallRecord(Interlocked.Increment(ref _sequence), _clock.GetUtcNow(), method, rawPath, rawQuery, answer, fault, _judge, _secret);
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > _limit)
            {
                _records.Dequeue();
            }
        }
    }
}
