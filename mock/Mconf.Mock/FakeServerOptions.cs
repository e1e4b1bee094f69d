using System.Globalization;
using Mconf.Mock.Engine;
using Microsoft.Extensions.Configuration;

namespace Mconf.Mock;

/// <summary>Options of the fake server, bindable from Microsoft.Extensions.Configuration (section "Fake" or the
/// root; see <see cref="FromConfiguration"/>). mock/README.md has the table.</summary>
public sealed class FakeServerOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Fake";
    /// <summary><see cref="Flavour"/> of an Mconf-Live server (the default).</summary>
    public const string MconfLive = "mconf-live";
    /// <summary><see cref="Flavour"/> of a plain BigBlueButton 0.9 server.</summary>
    public const string Bbb09 = "bbb-0.9";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The shared secret (securitySalt); empty accepts every checksum, as a real server does.</summary>
    public string Secret { get; set; } = "8cd8ef52e8e101574e400365b55e11a6";

    /// <summary>Seed of every random value (data, passwords, voice bridges, user IDs).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>join makes the user a connected attendee at once (true for the embedded conformance target);
    /// false mimics a real server, where users appear when their client connects (see the control surface).</summary>
    public bool AutoConnect { get; set; }

    /// <summary><c>mconf-live</c> (default) or <c>bbb-0.9</c>: a plain BBB 0.9 server without any Mconf-Live delta.</summary>
    public string Flavour { get; set; } = MconfLive;

    /// <summary>Accept SHA-1 checksums only (like real 0.9 servers); by default SHA-1/256/384/512 are accepted.</summary>
    public bool Sha1Only { get; set; }

    /// <summary>Pre-populated live meetings.</summary>
    public int Meetings { get; set; } = 3;

    /// <summary>Connected attendees in each pre-populated meeting.</summary>
    public int AttendeesPerMeeting { get; set; } = 6;

    /// <summary>Pre-populated recordings (of past sessions).</summary>
    public int Recordings { get; set; } = 6;

    /// <summary>Past sessions with stats (getStats).</summary>
    public int StatsMeetings { get; set; } = 4;

    /// <summary>Most requests WireMock's journal keeps (oldest dropped first). WireMock 2.21 trims a bounded
    /// journal on every request by copying and sorting it, so a large limit costs throughput (1,000: ~35% fewer
    /// requests/s than 100; see mock/README.md, Performance).</summary>
    public int JournalLimit { get; set; } = 100;

    /// <summary>Response bodies longer than this (characters) are replaced by a short note in the journal once sent.</summary>
    public int JournalBodyLimit { get; set; } = 64 * 1024;

    /// <summary>WireMock's admin interface on <c>/__admin</c> (journal, user mappings).</summary>
    public bool AdminInterface { get; set; } = true;

    /// <summary>Answer API requests before WireMock's matching when only the built-in mappings could match them
    /// (no user mapping, fault, recorder or replayer): the same answers, journal and verification, several times
    /// faster. False sends every request through WireMock (the behaviour before; for comparison).</summary>
    public bool DirectAnswers { get; set; } = true;

    /// <summary>The clock (code only, not bound). Null: the system clock, or a frozen one when
    /// <see cref="ClockStart"/> is set. Either way the control surface can advance it.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>An ISO 8601 instant (e.g. <c>2026-01-01T00:00:00Z</c>): the fake runs on a clock frozen there that
    /// moves only when advanced. With a fixed seed, responses are then byte-identical run to run.</summary>
    public string? ClockStart { get; set; }

    /// <summary>bbb-web's serverURL, used in join redirects, logout and playback URLs. Null:
    /// <c>http://127.0.0.1:PORT</c>. Set it (with a fixed clock) for byte-identical answers across ports.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>defaultDialAccessNumber: create's dialNumber when none is given.</summary>
    public string DialNumber { get; set; } = "613-555-1234";

    /// <summary>The guest policy every new meeting starts with: <c>ASK_MODERATOR</c> (default: a guest waits for a
    /// moderator), <c>ALWAYS_ACCEPT</c> (guests are let in at once) or <c>ALWAYS_DENY</c> (guests are refused when
    /// their client connects), as bbb-apps has them (specs/reference.md §6.2). Changeable per meeting over
    /// <c>POST /fake/meetings/{id}/guest-policy</c>.</summary>
    public string GuestPolicy { get; set; } = GuestPolicies.AskModerator;

    /// <summary>What getMeetings' videoCount counts: <c>streams</c> (default, Mconf-Live's code: a user sharing two
    /// webcams counts twice) or <c>participants</c> (the wiki's "number of participants sharing video").</summary>
    public string VideoCount { get; set; } = VideoCountStreams;

    /// <summary><see cref="VideoCount"/>: videoCount counts webcam streams.</summary>
    public const string VideoCountStreams = "streams";

    /// <summary><see cref="VideoCount"/>: videoCount counts attendees sharing a webcam.</summary>
    public const string VideoCountParticipants = "participants";

    /// <summary>Recordings of ended meetings appear at once instead of after POST /fake/recordings/process.</summary>
    public bool ProcessRecordingsAtOnce { get; set; }

    /// <summary>bbb-web's cleanup timer: never-joined meetings go after 5 min, emptied ones after 1 min, meetings
    /// past their duration end.</summary>
    public bool ExpireMeetings { get; set; } = true;

    /// <summary>removeMeetingWhenEnded: end removes the meeting at once (shipped value true). With false an ended
    /// meeting stays (hasBeenForciblyEnded=true, join answers meetingForciblyEnded) until the next cleanup.</summary>
    public bool RemoveMeetingWhenEnded { get; set; } = true;

    /// <summary>Record mode: the URL of a real server (<c>https://host/bigbluebutton</c>). The fake becomes a proxy:
    /// it checks each request's checksum against <see cref="Secret"/>, re-signs it with <see cref="RecordSecret"/>,
    /// forwards it and stores the exchange in <see cref="RecordTo"/> (secrets and checksums redacted).</summary>
    public string? RecordFrom { get; set; }

    /// <summary>Record mode: the real server's shared secret.</summary>
    public string? RecordSecret { get; set; }

    /// <summary>Record mode: the folder the exchanges are written to (one JSON file each).</summary>
    public string? RecordTo { get; set; }

    /// <summary>Replay mode: a folder of recorded exchanges to answer from, matched on the call and its
    /// parameters (not on the checksum).</summary>
    public string? ReplayFrom { get; set; }

    /// <summary>Replay mode: a request with no recorded answer is answered by the normal fake instead of
    /// FAILED <c>noRecordedAnswer</c>.</summary>
    public bool ReplayFallThrough { get; set; }

    /// <summary>Where the fake logs handler failures (code only). Null: standard error. Secrets are redacted.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>A shallow copy (a fleet derives each server's options from one template).</summary>
    public FakeServerOptions Copy() => (FakeServerOptions)MemberwiseClone();

    /// <summary>True when <see cref="Flavour"/> is <see cref="MconfLive"/>.</summary>
    public bool IsMconf => string.Equals(Flavour, MconfLive, StringComparison.OrdinalIgnoreCase);

    /// <summary>Binds the root, then the "Fake" section over it, so both <c>--port 8090</c> and
    /// <c>Fake__Port=8090</c> work.</summary>
    public static FakeServerOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FakeServerOptions();
        configuration.Bind(options);
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be 0..65535, not {Port}.", nameof(Port));
        }

        if (!string.Equals(Flavour, MconfLive, StringComparison.OrdinalIgnoreCase) && !string.Equals(Flavour, Bbb09, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Flavour must be '{MconfLive}' or '{Bbb09}', not '{Flavour}'.", nameof(Flavour));
        }

        ArgumentNullException.ThrowIfNull(Secret, nameof(Secret));
        foreach (var (name, value) in new[] { (nameof(Meetings), Meetings), (nameof(AttendeesPerMeeting), AttendeesPerMeeting), (nameof(Recordings), Recordings), (nameof(StatsMeetings), StatsMeetings), (nameof(JournalLimit), JournalLimit), (nameof(JournalBodyLimit), JournalBodyLimit) })
        {
            if (value < 0)
            {
                throw new ArgumentException($"{name} must not be negative.", name);
            }
        }

        if (!GuestPolicies.TryNormalise(GuestPolicy, out _))
        {
            throw new ArgumentException($"GuestPolicy must be {GuestPolicies.AskModerator}, {GuestPolicies.AlwaysAccept} or {GuestPolicies.AlwaysDeny}, not '{GuestPolicy}'.", nameof(GuestPolicy));
        }

        if (!string.Equals(VideoCount, VideoCountStreams, StringComparison.OrdinalIgnoreCase) && !string.Equals(VideoCount, VideoCountParticipants, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"VideoCount must be '{VideoCountStreams}' or '{VideoCountParticipants}', not '{VideoCount}'.", nameof(VideoCount));
        }

        if (ClockStart is not null && !TryParseInstant(ClockStart, out _))
        {
            throw new ArgumentException($"ClockStart '{ClockStart}' is not an ISO 8601 instant.", nameof(ClockStart));
        }

        if (ServerUrl is not null && !Uri.TryCreate(ServerUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"ServerUrl '{ServerUrl}' is not an absolute URL.", nameof(ServerUrl));
        }

        Replay.RecordReplayOptions.Validate(this);
    }

    internal static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
