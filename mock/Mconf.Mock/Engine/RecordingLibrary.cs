using Mconf.Spec;

namespace Mconf.Mock.Engine;

/// <summary>The recordings on disk (published and unpublished) plus those still being processed, which no
/// API call shows until processing finishes.</summary>
internal sealed class RecordingLibrary
{
    private readonly Lock _gate = new();
    private readonly List<Recording> _recordings = [];
    private readonly List<Recording> _processing = [];

    public void Add(Recording recording)
    {
        lock (_gate)
        {
            _recordings.Add(recording);
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
            return done;
        }
    }

    /// <summary>getRecordings selection: <paramref name="meetingIds"/> (null = all) matched as sha1 prefixes of
    /// record IDs, then every meta filter must match exactly (specs/reference.md §3.7, §6.3).</summary>
    public IReadOnlyList<Recording> Query(IReadOnlyList<string>? meetingIds, IReadOnlyList<KeyValuePair<string, string>> metaFilters)
    {
        var prefixes = meetingIds?.Select(MeetingIds.Key).ToList();
        lock (_gate)
        {
            return [.. _recordings.Where(r =>
                (prefixes is null || prefixes.Any(p => r.RecordId.StartsWith(p, StringComparison.Ordinal)))
                && metaFilters.All(f => Matches(r, f)))];
        }
    }

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
            return _recordings.RemoveAll(r => ids.Contains(r.RecordId));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _recordings.Clear();
            _processing.Clear();
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
