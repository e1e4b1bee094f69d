namespace Mconf.Conformance.Runner.Cli;

/// <summary>A small hand parser: System.CommandLine is not in the kit's central package list, and the option set
/// is flat. Accepts <c>--name value</c> and <c>--name=value</c>; <c>--only</c>/<c>--skip</c> repeat and also take
/// comma-separated lists.</summary>
internal static class CliParser
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--target"] = SettingKeys.TargetUrl,
        ["--secret"] = SettingKeys.TargetSecret,
        ["--checksum"] = SettingKeys.Checksum,
        ["--timeout"] = SettingKeys.Timeout,
        ["--tier"] = SettingKeys.Tier,
        ["--out"] = SettingKeys.Out,
        ["--known-failing"] = SettingKeys.KnownFailing,
        ["--parallel"] = SettingKeys.Parallel,
        ["--fake-flavour"] = SettingKeys.FakeFlavour,
    };

    /// <summary>Parses <paramref name="args"/>; on failure returns null and sets <paramref name="error"/> to one
    /// line that never repeats an option's value (it could be the secret).</summary>
    public static CliOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        if (args.Count > 0 && args[0] == "compare")
        {
            return ParseCompare(args, out error);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var only = new List<string>();
        var skip = new List<string>();
        var command = CliCommand.Run;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return new CliOptions { Command = CliCommand.Help };
                case "--version":
                    return new CliOptions { Command = CliCommand.Version };
                case "--list":
                    if (inlineValue is not null)
                    {
                        error = "--list takes no value";
                        return null;
                    }

                    command = CliCommand.List;
                    continue;
                case "--only" or "--skip":
                    if (!TakeValue(args, ref i, name, inlineValue, out var globs, out error))
                    {
                        return null;
                    }

                    (name == "--only" ? only : skip).AddRange(SplitList(globs));
                    continue;
            }

            if (ValueOptions.TryGetValue(name, out var key))
            {
                if (!TakeValue(args, ref i, name, inlineValue, out var value, out error))
                {
                    return null;
                }

                settings[key] = value;
                continue;
            }

            // A stray word is not echoed: it may be a secret typed without its option.
            error = name.StartsWith('-')
                ? $"unknown option '{Shorten(name)}'"
                : $"unexpected argument #{i + 1} (options start with --)";
            return null;
        }

        return new CliOptions { Command = command, Settings = settings, Only = only, Skip = skip };
    }

    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static CliOptions? ParseCompare(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var inputs = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return new CliOptions { Command = CliCommand.Help };
                case "--out":
                    if (!TakeValue(args, ref i, name, inlineValue, out var value, out error))
                    {
                        return null;
                    }

                    settings[SettingKeys.Out] = value;
                    continue;
                case "--":
                    inputs.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    continue;
            }

            if (name.StartsWith('-'))
            {
                error = $"unknown option '{name}' for compare";
                return null;
            }

            inputs.Add(args[i]);
        }

        if (inputs.Count == 0)
        {
            error = "compare needs at least one report folder or results.json";
            return null;
        }

        return new CliOptions { Command = CliCommand.Compare, Settings = settings, CompareInputs = inputs };
    }

    private static (string Name, string? InlineValue) Split(string arg)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
        {
            return (arg[..eq], arg[(eq + 1)..]);
        }

        return (arg, null);
    }

    private static bool TakeValue(IReadOnlyList<string> args, ref int i, string name, string? inlineValue, out string value, out string? error)
    {
        error = null;
        if (inlineValue is not null)
        {
            value = inlineValue;
        }
        else if (i + 1 < args.Count && !IsOptionName(args[i + 1]))
        {
            value = args[++i];
        }
        else
        {
            value = "";
            error = $"{name} needs a value";
            return false;
        }

        if (value.Length == 0)
        {
            error = $"{name} needs a non-empty value";
            return false;
        }

        return true;
    }

    // "--x" is an option; "-" alone or a negative number is a value.
    private static bool IsOptionName(string arg) => arg.StartsWith("--", StringComparison.Ordinal) || arg is "-h" or "-?";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
