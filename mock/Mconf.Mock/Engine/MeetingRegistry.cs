using System.Collections.Concurrent;
using System.Globalization;
using Mconf.Spec;

namespace Mconf.Mock.Engine;

/// <summary>The meetings in memory, keyed by <c>sha1hex(meetingID)</c> (bbb-web's prefix lookup, made O(1)).
/// Reads are lock-free; create and removal take one short lock so a duplicate create is decided atomically.</summary>
internal sealed class MeetingRegistry
{
    private readonly ConcurrentDictionary<string, Meeting> _meetings = new(Sha1KeyComparer.Instance);
    private readonly Lock _writeGate = new();
    private readonly StateVersion? _version;

    public MeetingRegistry(StateVersion? version = null) => _version = version;

    public int Count => _meetings.Count;

    public Meeting? Find(string meetingId) => FindByKey(MeetingIds.Key(meetingId));

    public Meeting? FindByKey(string key) =>
        _meetings.TryGetValue(key, out var meeting) && !meeting.IsRemoved ? meeting : null;

    /// <summary>Every meeting in memory, in the dictionary's (deterministic, hash-based) order.</summary>
    public IEnumerable<Meeting> All()
    {
        foreach (var pair in _meetings)
        {
            if (!pair.Value.IsRemoved)
            {
                yield return pair.Value;
            }
        }
    }

    /// <summary>Adds a meeting unless a not-ended one with the same ID exists; then <paramref name="existing"/>
    /// is that meeting and nothing changes. An ended meeting still in memory is replaced.</summary>
    public bool TryAdd(Meeting meeting, out Meeting? existing)
    {
        lock (_writeGate)
        {
            if (_meetings.TryGetValue(meeting.Key, out var current) && !current.IsRemoved)
            {
                if (!current.IsForciblyEnded)
                {
                    existing = current;
                    return false;
                }

                current.MarkRemoved();
            }

            _meetings[meeting.Key] = meeting;
            _version?.Bump();
            existing = null;
            return true;
        }
    }

    public void Remove(Meeting meeting)
    {
        lock (_writeGate)
        {
            if (_meetings.TryGetValue(meeting.Key, out var current) && ReferenceEquals(current, meeting))
            {
                _meetings.TryRemove(meeting.Key, out _);
            }

            meeting.MarkRemoved();
            _version?.Bump();
        }
    }

    public void Clear()
    {
        lock (_writeGate)
        {
            foreach (var pair in _meetings)
            {
                pair.Value.MarkRemoved();
            }

            _meetings.Clear();
            _version?.Bump();
        }
    }

    /// <summary>Hashes the lower-case hex key by its first 8 digits: unlike string.GetHashCode it does not change
    /// from process to process, so getMeetings lists meetings in the same order run after run.</summary>
    private sealed class Sha1KeyComparer : IEqualityComparer<string>
    {
        public static readonly Sha1KeyComparer Instance = new();

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) =>
            obj.Length >= 8 && int.TryParse(obj.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                ? h
                : StableHash(obj);

        private static int StableHash(string text)
        {
            var hash = unchecked((int)2166136261);
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }
    }
}
