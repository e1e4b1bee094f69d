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

    public void Add(Recording recording)
    {
        lock (_gate)
        {
            _recordings.Add(recording);
            _byKey = null;
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
            _byKey = null;
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
                    _recordings[i] = _recordings[i] with { Published = publish };
                    _byKey = null;
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
            _byKey = null;
            return _recordings.RemoveAll(r => ids.Contains(r.RecordId));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _recordings.Clear();
            _processing.Clear();
            _byKey = null;
        }
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
