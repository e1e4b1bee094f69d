namespace Mconf.Mock.Engine;

/// <summary>The server properties the engine needs (bigbluebutton.properties in a real server).</summary>
internal sealed record EngineSettings
{
    public int Seed { get; init; } = 42;

    /// <summary>join makes the user a connected participant at once (no client needed).</summary>
    public bool AutoConnect { get; init; }

    /// <summary><c>removeMeetingWhenEnded</c>: end removes the meeting from memory at once (shipped value: true).</summary>
    public bool RemoveMeetingWhenEnded { get; init; } = true;

    /// <summary>Run bbb-web's cleanup timer (every 60 s): never-joined meetings go after 5 min, empty ones after
    /// 1 min, meetings past their duration are ended.</summary>
    public bool ExpireMeetings { get; init; } = true;

    /// <summary>Recordings of ended meetings are available at once instead of waiting for processing.</summary>
    public bool ProcessRecordingsAtOnce { get; init; }

    /// <summary><c>bigbluebutton.web.serverURL</c>: default logoutURL, base of client and playback URLs.</summary>
    public string ServerUrl { get; init; } = "http://127.0.0.1";

    /// <summary><c>defaultDialAccessNumber</c>.</summary>
    public string DefaultDialNumber { get; init; } = "613-555-1234";

    /// <summary>The guest policy a new meeting starts with (bbb-apps' default ASK_MODERATOR; ALWAYS_ACCEPT,
    /// ALWAYS_DENY: specs/reference.md §6.2). The control surface still changes it per meeting.</summary>
    public string GuestPolicy { get; init; } = GuestPolicies.AskModerator;

    /// <summary>getMeetings' videoCount counts participants sharing video (the wiki's reading) instead of webcam
    /// streams (Mconf-Live's code, specs/reference.md §4); they differ only for a user sharing two webcams.</summary>
    public bool VideoCountPerParticipant { get; init; }

    /// <summary><c>defaultMaxUsers</c>.</summary>
    public int DefaultMaxUsers { get; init; } = 20;

    /// <summary><c>defaultNumDigitsForTelVoice</c>.</summary>
    public int VoiceBridgeDigits { get; init; } = 5;

    /// <summary><c>defaultWelcomeMessage</c> (keywords %%CONFNAME%%, %%CONFNUM%%, %%DIALNUM%%, %%SERVERURL%%).</summary>
    public string DefaultWelcome { get; init; } = "Welcome to <b>%%CONFNAME%%</b>!";

    public static readonly TimeSpan CleanupInterval = TimeSpan.FromSeconds(60);

    /// <summary><c>defaultMeetingCreateJoinDuration</c>.</summary>
    public static readonly TimeSpan CreateJoinWindow = TimeSpan.FromMinutes(5);

    /// <summary><c>defaultMeetingExpireDuration</c>.</summary>
    public static readonly TimeSpan EmptyWindow = TimeSpan.FromMinutes(1);
}
