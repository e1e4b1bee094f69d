namespace Mconf.Sample.Client;

public sealed record Recording(string RecordId, string MeetingId, string Name, bool Published, IReadOnlyDictionary<string, string> Metadata);

/// <summary>getStats (Mconf-Live): one past session of a meeting.</summary>
public sealed record MeetingStats(string MeetingId, string MeetingName, string? RecordId, long StartTime, long EndTime, IReadOnlyList<StatsParticipant> Participants);

public sealed record StatsParticipant(string UserId, string UserName, long JoinTime, long LeftTime);
