namespace Mconf.Conformance.Configuration;

/// <summary>The kit's one settings vocabulary: the runner (options and <c>MCONF_*</c> variables), the NUnit suite
/// (<c>appsettings.json</c>, variables, test parameters) and a user's own test project read these keys, bound by
/// <see cref="ConformanceOptions.Bind"/>. A key is also an environment variable: <c>MCONF_</c> plus the key with
/// <c>:</c> written as <c>__</c> (<see cref="EnvironmentVariable"/>), e.g. <c>MCONF_TARGET__SECRET</c>.</summary>
public static class SettingKeys
{
    public const string EnvironmentPrefix = "MCONF_";

    /// <summary>The settings file an NUnit project reads from beside its test assembly.</summary>
    public const string FileName = "appsettings.json";

    public const string TargetUrl = "Target:Url";
    public const string TargetSecret = "Target:Secret";
    public const string Checksum = "Target:Checksum";
    public const string Timeout = "Target:Timeout";
    public const string ListTimeout = "Target:ListTimeout";
    public const string MaxBody = "Target:MaxBody";
    public const string RunId = "Run:Id";
    public const string Seed = "Run:Seed";
    public const string MeetingPrefix = "Run:MeetingPrefix";
    public const string Tier = "Run:Tier";
    public const string Parallel = "Run:Parallel";
    public const string Only = "Run:Only";
    public const string Skip = "Run:Skip";
    public const string KnownFailing = "Run:KnownFailing";
    public const string MaxLiveMeetings = "Run:MaxLiveMeetings";
    public const string MaxRate = "Run:MaxRate";
    public const string Out = "Run:Out";
    public const string RequireComplete = "Run:RequireComplete";
    public const string Explore = "Run:Explore";
    public const string FakeFlavour = "Fake:Flavour";
    public const string PresenceGuided = "Presence:Guided";
    public const string PresenceDriver = "Presence:Driver";
    public const string PresenceTimeout = "Presence:Timeout";
    public const string PresenceSkip = "Presence:Skip";
    public const string RecordingsWait = "Presence:RecordingsWait";

    /// <summary>Every key, in the order of the settings table (suite/README.md).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TargetUrl, TargetSecret, Checksum, Timeout, ListTimeout, MaxBody,
        RunId, Seed, MeetingPrefix, Tier, Parallel, Only, Skip, KnownFailing, MaxLiveMeetings, MaxRate,
        Out, RequireComplete, Explore, FakeFlavour,
        PresenceGuided, PresenceDriver, PresenceTimeout, PresenceSkip, RecordingsWait,
    ];

    /// <summary>Keys of the NUnit suite's earlier vocabulary, still read for one version (0.1.x) with a warning that
    /// names the new key: the suite and the runner used to spell these differently.</summary>
    public static IReadOnlyList<DeprecatedKey> Deprecated { get; } =
    [
        new("Target:TimeoutSeconds", Timeout, Scale: 1),
        new("Run:Parallelism", Parallel, Scale: 1),
        // Megabytes then, bytes now (the runner's --max-body).
        new("Target:MaxBodyMegabytes", MaxBody, Scale: 1024 * 1024),
    ];

    /// <summary>The environment variable of <paramref name="key"/>, e.g. <c>MCONF_TARGET__TIMEOUT</c>.</summary>
    public static string EnvironmentVariable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }
}

/// <summary>An old key read in place of <paramref name="NewKey"/>; a number is multiplied by <paramref name="Scale"/>
/// (1: same unit).</summary>
public sealed record DeprecatedKey(string OldKey, string NewKey, double Scale);
