using Mconf.Conformance.Runner.Reports;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Mconf.Conformance.Runner.Cli;

/// <summary>The command line on System.CommandLine: one root command (certify, <c>--list</c>) and the <c>compare</c>
/// subcommand, so <c>--help</c> is generated from the same options the parser reads and shells can complete them
/// (<c>[suggest]</c> directive, dotnet-suggest). Option values land under their configuration keys
/// (<see cref="SettingKeys"/>); checking them is <see cref="RunSettings.Resolve"/>'s job, so every bad value gets
/// the same one-line "could not run" as before.</summary>
internal static class CliParser
{
    private static readonly (string Name, string Key, string Help, string Value)[] ValueOptions =
    [
        ("--target", SettingKeys.TargetUrl, "Base URL of the server, e.g. https://host/bigbluebutton (with or without /api). Default: the kit's embedded fake, started in-process", "URL"),
        ("--secret", SettingKeys.TargetSecret, "Shared secret of --target; better: set MCONF_TARGET__SECRET (keeps it out of the shell history). Never printed nor written to a report", "SECRET"),
        ("--checksum", SettingKeys.Checksum, "sha1 (default; BBB 0.9 and Mconf-Live accept only this), sha256, sha384, sha512", "ALG"),
        ("--timeout", SettingKeys.Timeout, $"Per request, and so the longest wait for an unreachable target (default {RunSettings.DefaultTimeoutSeconds})", "SECONDS"),
        ("--list-timeout", SettingKeys.ListTimeout, $"Per unfiltered list call (getRecordings, getStats without meetingID, getMeetings), which a big server takes long to answer (default {Mconf.Conformance.RunOptions.DefaultListCallTimeoutSeconds}; never less than --timeout). A call over its budget makes its cases inconclusive, never failed", "SECONDS"),
        ("--max-body", SettingKeys.MaxBody, $"Largest answer read whole, in bytes (default {Mconf.Conformance.RunOptions.DefaultMaxBodyBytes}); unfiltered lists are read as streams keeping a sample. A larger answer makes its cases inconclusive, never failed", "BYTES"),
        ("--fake-flavour", SettingKeys.FakeFlavour, "Embedded fake only: mconf-live (default) or bbb-0.9 (plain BBB 0.9, no deltas)", "NAME"),
        ("--tier", SettingKeys.Tier, "lifecycle (default: may create and end its own meetings) or read-only (observes only)", "TIER"),
        ("--parallel", SettingKeys.Parallel, $"Cases run at once (default {RunSettings.DefaultParallelism})", "N"),
        ("--known-failing", SettingKeys.KnownFailing, "Expected failures by case ID or glob: lines \"<id-or-glob> <reason>\" (# comments) or a .json object. A listed case that fails is allowed; one that passes fails the run as stale", "FILE"),
        ("--out", SettingKeys.Out, "Reports root (default ./reports): writes DIR/<run-id>/ results.json, junit.xml, report.html, summary.md and points DIR/latest at it", "DIR"),
        ("--presence-driver", SettingKeys.PresenceDriver, "Drive the presence session with a program instead of a person (see the driver contract below); the kit's fake is driven by suite/drivers/fake-driver.sh", "COMMAND"),
        ("--presence-timeout", SettingKeys.PresenceTimeout, $"Presence session: the longest wait for each step to be observed (default {RunSettings.DefaultPresenceTimeoutSeconds})", "SECONDS"),
        ("--explore", SettingKeys.Explore, "After the cases, explore N random call sequences (stateful, shrunk on failure; creates only prefixed meetings and ends them; about 40 requests per sequence at most). A broken invariant makes the run not conformant", "N"),
        ("--recordings-wait", SettingKeys.RecordingsWait, "Presence session: how long to wait for the session's recording to be processed before checking the meta filters on it (default 0: look once)", "SECONDS"),
        ("--max-live-meetings", SettingKeys.MaxLiveMeetings, $"Most of the run's meetings live on the target at once (default {RunOptions.DefaultMaxLiveMeetings}, at least {RunOptions.MinLiveMeetings}); a case's meetings are ended when it finishes", "N"),
        ("--max-rate", SettingKeys.MaxRate, "Most requests per second sent to the target (default: no limit)", "PER_SECOND"),
    ];

    /// <summary>The <c>cleanup</c> command's own options (it also takes --target, --secret, --checksum, --timeout).</summary>
    private static readonly (string Name, string Key, string Help, string Value)[] CleanupValueOptions =
    [
        ("--run-id", CleanupKeys.RunId, "Only the meetings of this run (its ID is in the reports and the meeting IDs); any age unless --older-than is given too", "RUN_ID"),
        ("--older-than", CleanupKeys.OlderThan, $"Only meetings at least this old, e.g. 90s, 30m, 2h, 1d (a bare number is minutes; default {CleanupCommand.DefaultOlderThanText} without --run-id, so a run in progress keeps its meetings; 0: any age)", "AGE"),
        ("--prefix", CleanupKeys.Prefix, "The kit's meeting ID prefix (default mconf-conformance)", "PREFIX"),
    ];

    private static readonly (string Name, string Key, string Help)[] FlagOptions =
    [
        ("--presence", SettingKeys.PresenceGuided, "Run the guided presence session first: a person joins, talks, shares webcams and lets a guest in as told, so the attendee, voice, video, guest and getStats deltas can be verified"),
        ("--require-complete", SettingKeys.RequireComplete, $"Exit {ExitCodes.Incomplete} (not 0) when the run is incomplete: no failure, but some Mconf-Live delta unverified"),
    ];

    private static readonly (string Name, string Help)[] ListOptions =
    [
        ("--only", "Run only case IDs matching GLOB (* = any characters); repeat or comma-separate"),
        ("--skip", "Leave out case IDs matching GLOB; repeat or comma-separate"),
        ("--presence-skip", "Presence session: leave out these steps (their deltas stay unverified); repeat or comma-separate"),
    ];

    /// <summary>The command tree, also used to print <c>--help</c>.</summary>
    public static RootCommand Root { get; } = BuildRoot();

    /// <summary>Parses <paramref name="args"/>; on failure returns null and sets <paramref name="error"/> to one
    /// line that never repeats an option's value (it could be the secret).</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var result = Root.Parse(args);
        if (Root.Directives.OfType<SuggestDirective>().Any(d => result.GetResult(d) is not null))
        {
            return new CliOptions { Command = CliCommand.Complete };
        }

        if (result.Action is HelpAction)
        {
            return new CliOptions { Command = CliCommand.Help };
        }

        var compare = result.CommandResult.Command.Name == "compare";
        if (result.Errors.Count > 0)
        {
            error = Describe(result, args, compare);
            return null;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in result.CommandResult.Command.Options.Where(o => o is not HelpOption))
        {
            if (result.GetResult(option) is not { Implicit: false } found)
            {
                continue;
            }

            if (found.Tokens.Any(t => t.Value.Length == 0))
            {
                error = $"{option.Name} needs a non-empty value";
                return null;
            }

            // "--target --list": the parser would take the next option's name as the value.
            if (found.Tokens.Any(t => IsOptionName(t.Value)))
            {
                error = $"{option.Name} needs a value";
                return null;
            }

            if (option.Name == "--version")
            {
                return new CliOptions { Command = CliCommand.Version };
            }

            if (ValueOptions.Concat(CleanupValueOptions).FirstOrDefault(v => v.Name == option.Name) is { Key: not null } value)
            {
                settings[value.Key] = found.Tokens[^1].Value;
            }
            else if (option.Name == "--dry-run")
            {
                settings[CleanupKeys.DryRun] = result.GetValue((Option<bool>)option) ? "true" : "false";
            }
            else if (FlagOptions.FirstOrDefault(f => f.Name == option.Name) is { Key: not null } flag)
            {
                settings[flag.Key] = result.GetValue((Option<bool>)option) ? "true" : "false";
            }
        }

        if (result.CommandResult.Command.Name == "cleanup")
        {
            return new CliOptions { Command = CliCommand.Cleanup, Settings = settings };
        }

        if (compare)
        {
            // An unknown option after compare parses as an input; "--" still passes a folder named like an option.
            var inputs = result.GetValue<string[]>("inputs") ?? [];
            var separator = args.ToList().IndexOf("--");
            if (inputs.FirstOrDefault(i => i.StartsWith('-') && (separator < 0 || args.ToList().IndexOf(i) < separator)) is { } unknown)
            {
                error = $"unknown option '{Shorten(unknown.Split('=', 2)[0])}' for compare";
                return null;
            }

            return new CliOptions { Command = CliCommand.Compare, Settings = settings, CompareInputs = [.. inputs] };
        }

        var only = List(result, "--only");
        var skip = List(result, "--skip");
        var presenceSkip = List(result, "--presence-skip");
        // Globs given as options replace those of the environment, as every other option does.
        foreach (var (key, list) in new[] { (SettingKeys.Only, only), (SettingKeys.Skip, skip), (SettingKeys.PresenceSkip, presenceSkip) })
        {
            if (list.Length > 0)
            {
                settings[key] = string.Join(",", list);
            }
        }

        return new CliOptions
        {
            Command = result.GetValue<bool>("--list") ? CliCommand.List : CliCommand.Run,
            Settings = settings,
            Only = only,
            Skip = skip,
            PresenceSkip = presenceSkip,
        };
    }

    /// <summary>How a user of the runner spells <paramref name="key"/>: its option (<c>--timeout</c>), else the key.</summary>
    public static string OptionName(string key)
    {
        if (ValueOptions.FirstOrDefault(v => v.Key == key) is { Name: not null } value)
        {
            return value.Name;
        }

        if (FlagOptions.FirstOrDefault(f => f.Key == key) is { Name: not null } flag)
        {
            return flag.Name;
        }

        return key switch
        {
            SettingKeys.Only => "--only",
            SettingKeys.Skip => "--skip",
            SettingKeys.PresenceSkip => "--presence-skip",
            _ => key,
        };
    }

    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] List(ParseResult result, string name) => [.. (result.GetValue<string[]>(name) ?? []).SelectMany(SplitList)];

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("mconf-conformance: certifies a server against the Mconf-Live API (BigBlueButton 0.9 + the documented Mconf-Live deltas)");
        // The kit's own --version prints the short kit version (no 40-digit commit that could pass for a checksum).
        foreach (var builtIn in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(builtIn);
        }

        foreach (var (name, _, help, value) in ValueOptions.Where(v => v.Name != "--out"))
        {
            root.Options.Add(new Option<string>(name) { Description = help, HelpName = value });
        }

        foreach (var (name, help) in ListOptions)
        {
            root.Options.Add(new Option<string[]>(name) { Description = help, HelpName = "GLOB", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false });
        }

        foreach (var (name, _, help) in FlagOptions)
        {
            root.Options.Add(new Option<bool>(name) { Description = help, Arity = ArgumentArity.Zero });
        }

        root.Options.Add(new Option<bool>("--list") { Description = "Print the selected case IDs and titles, run nothing", Arity = ArgumentArity.Zero });
        root.Options.Add(new Option<bool>("--version") { Description = "Print the kit version", Arity = ArgumentArity.Zero });
        root.Options.Add(OutOption(ValueOptions.Single(v => v.Name == "--out").Help));

        var compare = new Command("compare", "One HTML matrix of cases x targets from several runs (report folders, their results.json, or a reports root), e.g. a candidate next to a reference");
        compare.Arguments.Add(new Argument<string[]>("inputs") { Description = "report folders or results.json files, in column order", Arity = ArgumentArity.OneOrMore, HelpName = "DIR|results.json" });
        compare.Options.Add(OutOption("The HTML file to write (default <reports root>/compare.html)"));
        root.Subcommands.Add(compare);

        var cleanup = new Command("cleanup", "End the meetings that earlier runs left on a target (a run killed with SIGKILL cannot end them): only meetings whose ID has the kit's exact shape, prefix-<run id>-<purpose>-<10 hex>, never any other");
        foreach (var (name, _, help, value) in ValueOptions.Where(v => v.Name is "--target" or "--secret" or "--checksum" or "--timeout").Concat(CleanupValueOptions))
        {
            cleanup.Options.Add(new Option<string>(name) { Description = help, HelpName = value });
        }

        cleanup.Options.Add(new Option<bool>("--dry-run") { Description = "List the meetings cleanup would end, with their run and age; end nothing", Arity = ArgumentArity.Zero });
        root.Subcommands.Add(cleanup);
        // The runner acts on the parse result itself; these actions only tell the parser a command is complete.
        root.SetAction(_ => 0);
        compare.SetAction(_ => 0);
        cleanup.SetAction(_ => 0);
        return root;
    }

    private static Option<string> OutOption(string help) => new("--out") { Description = help, HelpName = "PATH" };

    /// <summary>One line naming the bad option, never a value: a stray word may be a secret typed without its option.</summary>
    private static string Describe(ParseResult result, IReadOnlyList<string> args, bool compare)
    {
        var unmatched = result.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null)
        {
            var name = unmatched.Split('=', 2)[0];
            if (name.StartsWith('-'))
            {
                return compare ? $"unknown option '{Shorten(name)}' for compare" : $"unknown option '{Shorten(name)}'";
            }

            // "--flag=value" reaches the parser as the flag and a stray value.
            if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith("=" + unmatched, StringComparison.Ordinal)) is { } inline)
            {
                return $"{inline.Split('=', 2)[0]} takes no value";
            }

            var position = args.ToList().IndexOf(unmatched) + 1;
            return $"unexpected argument #{position} (options start with --)";
        }

        var first = result.Errors[0];
        switch (first.SymbolResult)
        {
            case OptionResult option when option.Option.Arity.MaximumNumberOfValues == 0:
                return $"{option.Option.Name} takes no value";
            case OptionResult option:
                return $"{option.Option.Name} needs a value";
            case ArgumentResult { Argument.Name: "inputs" }:
                return "compare needs at least one report folder or results.json";
        }

        // Any other message may quote a token: replace every token that is not an option name.
        var message = first.Message;
        foreach (var token in args.Where(a => a.Length > 0 && !a.StartsWith('-')))
        {
            message = message.Replace(token, "***", StringComparison.Ordinal);
        }

        return Judgement.OneLine(message);
    }

    private static bool IsOptionName(string token) =>
        Root.Options.Any(o => o.Name == token || o.Aliases.Contains(token))
        || Root.Subcommands.Any(c => c.Options.Any(o => o.Name == token));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
