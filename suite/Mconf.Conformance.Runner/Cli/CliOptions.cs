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
/// (<see cref="SettingKeys"/>), so they layer over the <c>MCONF_*</c> environment variables; the globs and the
/// compare inputs are lists and stay apart.</summary>
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

/// <summary>Configuration keys. Each can also come from an environment variable: <c>MCONF_</c> plus the key
/// with <c>:</c> written as <c>__</c>, e.g. <c>MCONF_TARGET__SECRET</c>.</summary>
internal static class SettingKeys
{
    public const string TargetUrl = "Target:Url";
    public const string TargetSecret = "Target:Secret";
    public const string Checksum = "Target:Checksum";
    public const string Timeout = "Target:Timeout";
    public const string ListTimeout = "Target:ListTimeout";
    public const string MaxBody = "Target:MaxBody";
    public const string Tier = "Run:Tier";
    public const string Out = "Run:Out";
    public const string KnownFailing = "Run:KnownFailing";
    public const string Parallel = "Run:Parallel";
    public const string Only = "Run:Only";
    public const string Skip = "Run:Skip";
    public const string FakeFlavour = "Fake:Flavour";
    public const string RequireComplete = "Run:RequireComplete";
    public const string PresenceGuided = "Presence:Guided";
    public const string PresenceDriver = "Presence:Driver";
    public const string PresenceTimeout = "Presence:Timeout";
    public const string PresenceSkip = "Presence:Skip";
    public const string RecordingsWait = "Presence:RecordingsWait";
    public const string MaxLiveMeetings = "Run:MaxLiveMeetings";
    public const string MaxRate = "Run:MaxRate";
    public const string CleanupRunId = "Cleanup:RunId";
    public const string CleanupOlderThan = "Cleanup:OlderThan";
    public const string CleanupDryRun = "Cleanup:DryRun";
    public const string CleanupPrefix = "Cleanup:Prefix";
    public const string Explore = "Run:Explore";

    public const string EnvironmentPrefix = "MCONF_";
}
