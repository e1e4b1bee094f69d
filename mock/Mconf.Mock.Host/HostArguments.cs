namespace Mconf.Mock.Host;

/// <summary>Command-line conveniences: kebab-case switches, bare boolean flags, and --config.</summary>
internal static class HostArguments
{
    public static readonly string[] Flags =
    [
        "--auto-connect", "--sha1-only", "--admin-interface", "--process-recordings-at-once", "--expire-meetings", "--remove-meeting-when-ended",
        "--replay-fallthrough",
    ];

    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--auto-connect"] = "AutoConnect",
        ["--sha1-only"] = "Sha1Only",
        ["--attendees-per-meeting"] = "AttendeesPerMeeting",
        ["--stats-meetings"] = "StatsMeetings",
        ["--journal-limit"] = "JournalLimit",
        ["--journal-body-limit"] = "JournalBodyLimit",
        ["--admin-interface"] = "AdminInterface",
        ["--clock-start"] = "ClockStart",
        ["--server-url"] = "ServerUrl",
        ["--dial-number"] = "DialNumber",
        ["--process-recordings-at-once"] = "ProcessRecordingsAtOnce",
        ["--expire-meetings"] = "ExpireMeetings",
        ["--remove-meeting-when-ended"] = "RemoveMeetingWhenEnded",
        ["--config"] = "Config",
        ["--record-from"] = "RecordFrom",
        ["--record-secret"] = "RecordSecret",
        ["--record-to"] = "RecordTo",
        ["--replay"] = "ReplayFrom",
        ["--replay-fallthrough"] = "ReplayFallThrough",
        ["--export-mappings"] = "ExportMappings",
    };

    public const string Help = """
        Fake Mconf-Live server (WireMock.Net). Options (command line > MCONF_FAKE_* environment > JSON file):
          --port N                 TCP port on 127.0.0.1 (0 = any free port; default 0)
          --secret S               shared secret (default 8cd8ef52e8e101574e400365b55e11a6)
          --seed N                 data and randomness seed (default 42)
          --flavour F              mconf-live (default) or bbb-0.9
          --auto-connect [bool]    joined users connect at once (default false)
          --sha1-only [bool]       accept SHA-1 checksums only (default: SHA-1/256/384/512)
          --meetings N  --attendees-per-meeting N  --recordings N  --stats-meetings N   seeded data (3, 6, 6, 4)
          --journal-limit N        requests kept in the WireMock journal (default 100)
          --admin-interface [bool] WireMock admin API on /__admin (default true)
          --clock-start ISO        frozen clock starting at this instant (default: system clock)
          --server-url URL         serverURL used in redirects and playback URLs
          --config FILE            JSON file (root keys or a "Fake" section); default ./mconf-fake.json if present
        Client-developer kit (samples/README.md):
          --record-from URL --record-secret S --record-to DIR
                                   proxy to a real server, recording each exchange into DIR (secrets redacted)
          --replay DIR             answer from recorded exchanges (matched on call + parameters, not checksum)
          --replay-fallthrough     unrecorded requests get the normal fake's answer (default: FAILED noRecordedAnswer)
          --export-mappings DIR    write the example answers as WireMock mapping files into DIR, then exit
        Environment: MCONF_FAKE_PORT=8090, MCONF_FAKE_SECRET=..., MCONF_FAKE_CONFIG=file.json ...
        """;

    /// <summary>Adds "true" after a bare boolean flag so the configuration provider accepts it.</summary>
    public static string[] Normalise(string[] args)
    {
        var result = new List<string>(args.Length + 2);
        for (var i = 0; i < args.Length; i++)
        {
            result.Add(args[i]);
            var isFlag = Flags.Contains(args[i], StringComparer.OrdinalIgnoreCase);
            var nextIsValue = i + 1 < args.Length && !args[i + 1].StartsWith('-');
            if (isFlag && !nextIsValue)
            {
                result.Add("true");
            }
        }

        return [.. result];
    }

    /// <summary>The value of <c>--export-mappings DIR</c> (or <c>--export-mappings=DIR</c>), or null.</summary>
    public static string? ExportDirectory(string[] args) => ValueOf(args, "--export-mappings");

    public static string? ConfigFile(string[] args) => ValueOf(args, "--config");

    private static string? ValueOf(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Equals(name, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
