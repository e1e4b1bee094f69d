namespace Mconf.Mock.Engine;

/// <summary>A user registered by join. Only touched under its meeting's lock.</summary>
internal sealed class User
{
    public required string InternalUserId { get; init; }

    public required string ExternalUserId { get; init; }

    public required string FullName { get; init; }

    public required string Role { get; set; }

    public required string AuthToken { get; init; }

    public required bool Guest { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> CustomData { get; init; }

    public string? AvatarUrl { get; init; }

    /// <summary>Registration order within the meeting (keeps attendee order stable).</summary>
    public long Sequence { get; init; }

    public bool WaitingForAcceptance { get; set; }

    public bool Connected { get; set; }

    public bool IsPresenter { get; set; }

    public bool ListenOnly { get; set; }

    public bool Voice { get; set; }

    public List<string> Streams { get; } = [];

    /// <summary>When the current connection started (for stats).</summary>
    public long ConnectedAt { get; set; }

    public AttendeeSnapshot Snapshot() => new(
        InternalUserId, ExternalUserId, FullName, Role, Guest, WaitingForAcceptance, IsPresenter, ListenOnly, Voice,
        [.. Streams], CustomData);
}
