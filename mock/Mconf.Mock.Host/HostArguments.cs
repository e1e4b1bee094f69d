using System.CommandLine;
using System.CommandLine.Parsing;

namespace Mconf.Mock.Host;

/// <summary>The command line (System.CommandLine). Each fake option is a kebab-case switch (with its
/// PascalCase configuration key as an alias, as before: <c>--port</c> or <c>--Port</c>); only the switches given
/// go into the configuration, over the JSON file and the <c>MCONF_FAKE_*</c> environment. A boolean switch
/// alone means true.</summary>
internal sealed class HostArguments
{
    public const string Description = """
        Fake Mconf-Live server (WireMock.Net), standalone. Options: command line > MCONF_FAKE_* environment
        (MCONF_FAKE_PORT=8090, MCONF_FAKE_SECRET=..., MCONF_FAKE_CONFIG=file.json) > JSON file (root keys or a
        "Fake" section; a "Servers" list starts one fake per entry). Exit code 2 on a bad option.
        """;

    private readonly List<(Option Option, string Key)> _settings = [];

    public HostArguments()
    {
        Add<int?>("Port", "TCP port on 127.0.0.1 (0 = any free port; default 0). With --servers N: the first of N consecutive ports", "n");
        Add<string>("Secret", "shared secret (default 8cd8ef52e8e101574e400365b55e11a6). With --servers N: each server's secret is derived from it", "s");
        Add<int?>("Seed", "data and randomness seed (default 42). With --servers N: seed + index", "n");
        Add<string>("Flavour", "mconf-live (default) or bbb-0.9", "f");
        Add<bool?>("AutoConnect", "joined users connect at once (default false)");
        Add<bool?>("Sha1Only", "accept SHA-1 checksums only (default: SHA-1/256/384/512)");
        Add<int?>("Meetings", "seeded live meetings (default 3)", "n");
        Add<int?>("AttendeesPerMeeting", "attendees of each seeded meeting (default 6)", "n");
        Add<int?>("Recordings", "seeded recordings (default 6)", "n");
        Add<int?>("StatsMeetings", "seeded past sessions with stats (default 4)", "n");
        Add<int?>("JournalLimit", "requests kept in the journals (default 100)", "n");
        Add<int?>("JournalBodyLimit", "answer bodies longer than this are not kept in the journal (default 65536)", "n");
        Add<bool?>("AdminInterface", "WireMock admin API on /__admin (default true)");
        Add<bool?>("DirectAnswers", "answer API calls before WireMock when no user mapping could match (default true)");
        Add<string>("ClockStart", "frozen clock starting at this ISO 8601 instant (default: system clock)", "iso");
        Add<string>("ServerUrl", "serverURL used in redirects and playback URLs", "url");
        Add<string>("DialNumber", "defaultDialAccessNumber (default 613-555-1234)", "number");
        Add<string>("GuestPolicy", "guest policy of new meetings: ASK_MODERATOR (default), ALWAYS_ACCEPT or ALWAYS_DENY", "policy");
        Add<string>("VideoCount", "what getMeetings' videoCount counts: streams (default, Mconf-Live's code) or participants (the wiki's reading)", "reading");
        Add<bool?>("ProcessRecordingsAtOnce", "recordings of ended meetings appear at once (default false)");
        Add<bool?>("ExpireMeetings", "bbb-web's cleanup timer (default true)");
        Add<bool?>("RemoveMeetingWhenEnded", "end removes the meeting at once (default true)");
        Add<string>("RecordFrom", "record mode: proxy to this real server", "url", "--record-from");
        Add<string>("RecordSecret", "record mode: the real server's secret (better: MCONF_FAKE_RECORDSECRET)", "s", "--record-secret");
        Add<string>("RecordTo", "record mode: folder the exchanges are written to", "dir", "--record-to");
        Add<string>("ReplayFrom", "replay mode: answer from the recorded exchanges in this folder", "dir", "--replay");
        Add<bool?>("ReplayFallThrough", "replay mode: unrecorded requests get the normal fake's answer", null, "--replay-fallthrough");
    }

    public Option<string> Config { get; } = new("--config", "--Config") { Description = "JSON file (root keys or a \"Fake\" section); default ./mconf-fake.json if present", HelpName = "file" };

    public Option<string> ExportMappings { get; } = new("--export-mappings") { Description = "write the example answers as WireMock mapping files into DIR, then exit", HelpName = "dir" };

    public Option<int> Servers { get; } = new("--servers") { Description = "start a fleet of N independent fakes in this process, with a fleet control on --fleet-port", HelpName = "n", DefaultValueFactory = _ => 1 };

    public Option<int> FleetPort { get; } = new("--fleet-port") { Description = "port of the fleet's HTTP control /fleet (0 = any free port; default 0)", HelpName = "n" };

    /// <summary>The root command with every option; <paramref name="run"/> gets the parse result.</summary>
    public RootCommand Command(Func<ParseResult, Task<int>> run)
    {
        var command = new RootCommand(Description);
        foreach (var (option, _) in _settings)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Config);
        command.Options.Add(ExportMappings);
        command.Options.Add(Servers);
        command.Options.Add(FleetPort);
        Servers.Validators.Add(r =>
        {
            if (TryValue(r, out int n) && n is < 1 or > 500)
            {
                r.AddError($"--servers {n}: must be in [1, 500].");
            }
        });
        FleetPort.Validators.Add(r =>
        {
            if (TryValue(r, out int n) && n is < 0 or > 65535)
            {
                r.AddError($"--fleet-port {n}: must be in [0, 65535].");
            }
        });
        command.SetAction((result, _) => run(result));
        return command;
    }

    /// <summary>The switches given on the command line, as configuration keys and values.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Given(ParseResult result)
    {
        foreach (var (option, key) in _settings)
        {
            if (result.GetResult(option) is { Implicit: false } given)
            {
                var value = given.GetValueOrDefault<object?>();
                yield return new(key, value switch
                {
                    null when option.ValueType == typeof(bool?) => "true",
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    _ => value?.ToString(),
                });
            }
        }
    }

    private void Add<T>(string key, string description, string? helpName = null, string? name = null)
    {
        name ??= "--" + Kebab(key);
        var option = new Option<T>(name, "--" + key) { Description = description, HelpName = helpName };
        if (typeof(T) == typeof(bool?))
        {
            option.Arity = ArgumentArity.ZeroOrOne;
        }

        _settings.Add((option, key));
    }

    private static bool TryValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static string Kebab(string key) =>
        string.Concat(key.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
