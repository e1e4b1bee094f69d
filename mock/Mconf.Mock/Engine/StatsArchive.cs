using Mconf.Spec;

namespace Mconf.Mock.Engine;

/// <summary>Stats of past sessions, kept for getStats (Mconf-Live, specs/reference.md §6.4).</summary>
internal sealed class StatsArchive
{
    private readonly Lock _gate = new();
    private readonly List<MeetingStats> _sessions = [];

    public void Add(MeetingStats stats)
    {
        lock (_gate)
        {
            _sessions.Add(stats);
        }
    }

    /// <summary>The sessions of the given external meeting IDs (null = all), matched like getRecordings: the
    /// sha1 of each ID is a prefix of the record ID.</summary>
    public IReadOnlyList<MeetingStats> Query(IReadOnlyList<string>? meetingIds)
    {
        var prefixes = meetingIds?.Select(MeetingIds.Key).ToList();
        lock (_gate)
        {
            return [.. _sessions.Where(s => prefixes is null || prefixes.Any(p => s.RecordId.StartsWith(p, StringComparison.Ordinal)))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sessions.Clear();
        }
    }
}
