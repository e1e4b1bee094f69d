namespace Mconf.Conformance.Configuration;

/// <summary>The kit's one settings vocabulary: the runner (options and <c>MCONF_*</c> variables), the NUnit suite
/// (<c>appsettings.json</c>, variables, test parameters) and a user's own test project read these keys, bound by
/// <see cref="ConformanceOptions.Bind"/>. A key is also an environment variable: <c>MCONF_</c> plus the key with
/// <c>:</c> written as <c>__</c> (<see cref="EnvironmentVariable"/>), e.g. <c>MCONF_TARGET__SECRET</c>.</summary>
public static class SettingKeys
{
    /// <summary>The prefix of the kit's environment variables.</summary>
    public const string EnvironmentPrefix = "MCONF_";

    /// <summary>The settings file an NUnit project reads from beside its test assembly.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>The server's base URL.</summary>
    public const string TargetUrl = "Target:Url";
    /// <summary>The shared secret.</summary>
    public const string TargetSecret = "Target:Secret";
    /// <summary>The checksum algorithm.</summary>
    public const string Checksum = "Target:Checksum";
    /// <summary>The timeout of one request.</summary>
    public const string Timeout = "Target:Timeout";
    /// <summary>The timeout of one unfiltered list call.</summary>
    public const string ListTimeout = "Target:ListTimeout";
    /// <summary>The largest answer body read, in bytes.</summary>
    public const string MaxBody = "Target:MaxBody";
    /// <summary>The run ID meeting IDs carry.</summary>
    public const string RunId = "Run:Id";
    /// <summary>The seed of the run's random choices.</summary>
    public const string Seed = "Run:Seed";
    /// <summary>The prefix of the run's meeting IDs.</summary>
    public const string MeetingPrefix = "Run:MeetingPrefix";
    /// <summary>The tier: <c>lifecycle</c> or <c>read-only</c>.</summary>
    public const string Tier = "Run:Tier";
    /// <summary>How many cases run at once.</summary>
    public const string Parallel = "Run:Parallel";
    /// <summary>Globs over case IDs to run.</summary>
    public const string Only = "Run:Only";
    /// <summary>Globs over case IDs to leave out.</summary>
    public const string Skip = "Run:Skip";
    /// <summary>The known-failing list file.</summary>
    public const string KnownFailing = "Run:KnownFailing";
    /// <summary>Most of the run's meetings live at once.</summary>
    public const string MaxLiveMeetings = "Run:MaxLiveMeetings";
    /// <summary>Most requests per second.</summary>
    public const string MaxRate = "Run:MaxRate";
    /// <summary>The reports folder.</summary>
    public const string Out = "Run:Out";
    /// <summary>Whether the runner exits 3 when a delta stayed unverified.</summary>
    public const string RequireComplete = "Run:RequireComplete";
    /// <summary>How many random call sequences to explore after the cases.</summary>
    public const string Explore = "Run:Explore";
    /// <summary>The embedded fake's flavour.</summary>
    public const string FakeFlavour = "Fake:Flavour";
    /// <summary>Whether a person plays the presence session.</summary>
    public const string PresenceGuided = "Presence:Guided";
    /// <summary>The presence driver command.</summary>
    public const string PresenceDriver = "Presence:Driver";
    /// <summary>The longest wait for a presence step.</summary>
    public const string PresenceTimeout = "Presence:Timeout";
    /// <summary>Presence steps to leave out.</summary>
    public const string PresenceSkip = "Presence:Skip";
    /// <summary>How long to wait for the session's recording.</summary>
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
