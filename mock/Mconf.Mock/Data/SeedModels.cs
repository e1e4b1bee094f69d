namespace Mconf.Mock.Data;

/// <summary>A pre-populated live meeting, as Bogus draws it.</summary>
internal sealed class LiveMeetingSeed
{
    public string MeetingId { get; set; } = "";

    public string Name { get; set; } = "";

    public string AttendeePw { get; set; } = "";

    public string ModeratorPw { get; set; } = "";

    public string VoiceBridge { get; set; } = "";

    public bool Record { get; set; }

    public int MinutesAgo { get; set; }

    public string Course { get; set; } = "";
}

/// <summary>A pre-populated attendee.</summary>
internal sealed class AttendeeSeed
{
    public string FullName { get; set; } = "";

    /// <summary>External userID passed to join; null lets the internal ID stand in, as on a real server.</summary>
    public string? UserId { get; set; }

    public bool Moderator { get; set; }
}

/// <summary>A past meeting (external ID and name) that several sessions may share.</summary>
internal sealed class PastMeetingSeed
{
    public string MeetingId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Course { get; set; } = "";

    public string Category { get; set; } = "";
}

/// <summary>One past session of a past meeting: timing, who came, who presented.</summary>
internal sealed class PastSessionSeed
{
    public int DaysAgo { get; set; }

    public int StartMinuteOfDay { get; set; }

    public int DurationMinutes { get; set; }

    public string Presenter { get; set; } = "";

    public List<string> Participants { get; set; } = [];

    public long Size { get; set; }
}
