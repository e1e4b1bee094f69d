using Mconf.Spec;

namespace Mconf.Mock.Engine;

/// <summary>The recordings on disk (published and unpublished) plus those still being processed, which no
/// API call shows until processing finishes. A selection by meeting IDs is answered from an index of the record IDs'
/// meeting keys (rebuilt after a change), so a scoped getRecordings costs what it selects, not the library's size.</summary>
internal sealed class RecordingLibrary
{
    private readonly Lock _gate = new();
    private readonly List<Recording> _recordings = [];
    private readonly List<Recording> _processing = [];
    private Dictionary<string, List<int>>? _byKey;
    private long _version;

    /// <summary>Moves on every change to the recordings an API call can see (added, processed, published or
    /// unpublished, deleted, cleared): a reader caching something built from them (the unfiltered getRecordings
    /// answer) reads it before the recordings and rebuilds when it moved.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Add(Recording recording)
    {
        lock (_gate)
        {
            _recordings.Add(recording);
            Changed();
        }
    }

    public void AddProcessing(Recording recording)
    {
        lock (_gate)
        {
            _processing.Add(recording);
        }
    }

    public IReadOnlyList<Recording> Processing()
    {
        lock (_gate)
        {
            return [.. _processing];
        }
    }

    /// <summary>Finishes processing: every pending recording becomes a published recording. Returns them.</summary>
    public IReadOnlyList<Recording> FinishProcessing()
    {
        lock (_gate)
        {
            var done = _processing.ToList();
            _recordings.AddRange(done);
            _processing.Clear();
            if (done.Count > 0)
            {
                Changed();
            }

            return done;
        }
    }

    /// <summary>getRecordings selection: <paramref name="meetingIds"/> (null = all) matched as sha1 prefixes of
    /// record IDs, then every meta filter must match exactly (specs/reference.md §3.7, §6.3).</summary>
    public IReadOnlyList<Recording> Query(IReadOnlyList<string>? meetingIds, IReadOnlyList<KeyValuePair<string, string>> metaFilters)
    {
        var prefixes = meetingIds?.Select(MeetingIds.Key).Distinct(StringComparer.Ordinal).ToList();
        lock (_gate)
        {
            if (prefixes is null)
            {
                return [.. _recordings.Where(r => metaFilters.All(f => Matches(r, f)))];
            }

            // Every key is a whole sha1 (40 characters), so "the record ID starts with it" is "its first 40 are it".
            _byKey ??= Index(_recordings);
            var positions = prefixes.SelectMany(p => _byKey.TryGetValue(p, out var at) ? at : []).Distinct().Order();
            return [.. positions.Select(i => _recordings[i]).Where(r => metaFilters.All(f => Matches(r, f)))];
        }
    }

    private static Dictionary<string, List<int>> Index(List<Recording> recordings)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < recordings.Count; i++)
        {
            var id = recordings[i].RecordId;
            if (id.Length >= KeyLength)
            {
                var key = id[..KeyLength];
                if (!index.TryGetValue(key, out var at))
                {
                    index[key] = at = [];
                }

                at.Add(i);
            }
        }

        return index;
    }

    /// <summary>Length of <see cref="MeetingIds.Key"/>: a lower-case hex sha1.</summary>
    private const int KeyLength = 40;

    /// <summary>publishRecordings: false when none of the IDs exists (case-insensitive, as the directory
    /// lookup is); recordings already in the wanted state are left alone.</summary>
    public bool Publish(IReadOnlyList<string> recordIds, bool publish)
    {
        lock (_gate)
        {
            var found = false;
            for (var i = 0; i < _recordings.Count; i++)
            {
                if (recordIds.Any(id => string.Equals(id, _recordings[i].RecordId, StringComparison.OrdinalIgnoreCase)))
                {
                    found = true;
                    if (_recordings[i].Published != publish)
                    {
                        _recordings[i] = _recordings[i] with { Published = publish };
                        Changed();
                    }
                }
            }

            return found;
        }
    }

    /// <summary>deleteRecordings: removes exact (case-sensitive) matches; returns how many went.</summary>
    public int Delete(IReadOnlyList<string> recordIds)
    {
        var ids = recordIds.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            var removed = _recordings.RemoveAll(r => ids.Contains(r.RecordId));
            if (removed > 0)
            {
                Changed();
            }

            return removed;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _recordings.Clear();
            _processing.Clear();
            Changed();
        }
    }

    /// <summary>Under the gate: the index is stale and readers' caches too.</summary>
    private void Changed()
    {
        _byKey = null;
        _version++;
    }

    private static bool Matches(Recording recording, KeyValuePair<string, string> filter)
    {
        foreach (var entry in recording.Metadata)
        {
            if (entry.Key == filter.Key)
            {
                return string.Equals(entry.Value, filter.Value, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
