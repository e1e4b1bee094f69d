namespace Mconf.Conformance.Runner.Cli;

/// <summary>What the command line asked for.</summary>
public enum CliCommand
{
    Run,
    List,
    Compare,
    Help,
    Version,

    /// <summary>Shell completion: the <c>[suggest]</c> directive (dotnet-suggest).</summary>
    Complete,

    /// <summary><c>cleanup</c>: end the meetings earlier runs left on a target.</summary>
    Cleanup,
}

/// <summary>The parsed command line. <see cref="Settings"/> holds option values under their configuration keys
/// (<see cref="SettingKeys"/>), so they layer over the <c>MCONF_*</c> environment variables; the globs are
/// there too (comma-joined) and, with the compare inputs, kept apart as lists.</summary>
internal sealed record CliOptions
{
    public CliCommand Command { get; init; } = CliCommand.Run;

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyList<string> Only { get; init; } = [];

    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>Presence steps to leave out (<c>--presence-skip</c>).</summary>
    public IReadOnlyList<string> PresenceSkip { get; init; } = [];

    /// <summary><c>compare</c>: report folders or results.json files, in column order.</summary>
    public IReadOnlyList<string> CompareInputs { get; init; } = [];
}

/// <summary>The <c>cleanup</c> command's own keys: options only, never read from the environment (the settings every
/// command shares are <see cref="SettingKeys"/>).</summary>
internal static class CleanupKeys
{
    public const string RunId = "Cleanup:RunId";
    public const string OlderThan = "Cleanup:OlderThan";
    public const string DryRun = "Cleanup:DryRun";
    public const string Prefix = "Cleanup:Prefix";
}
