using Mconf.Spec.Cases;
using System.Globalization;
using System.Security.Cryptography;
using Mconf.Conformance.Presence;
using Mconf.Spec.Signing;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Configuration;

/// <summary>A bad setting: one line naming it, never its value (it could be the secret).</summary>
public sealed class SettingsException(string key, string message) : FormatException(message)
{
    /// <summary>The key that was refused (<see cref="SettingKeys"/>).</summary>
    public string Key { get; } = key;
}

/// <summary>Every setting of a run, bound from configuration (<see cref="SettingKeys"/>) and checked: the one settings
/// model of the runner, the NUnit suite and a user's test project (through <c>NUnitSettings</c>). A property's
/// initial value is its default, so <c>new ConformanceOptions()</c> is the defaults table. <see cref="TargetUrl"/>
/// null: certify the embedded fake.</summary>
public sealed record ConformanceOptions
{
    /// <summary>Default of <see cref="Out"/>: the folder reports are written to.</summary>
    public const string DefaultOut = "reports";
    /// <summary>Default of <see cref="PresenceTimeout"/>, in seconds.</summary>
    public const int DefaultPresenceTimeoutSeconds = 120;
    /// <summary>The largest <see cref="Parallel"/> accepted.</summary>
    public const int MaxParallel = 64;

    /// <summary>The server's base URL (<c>Target:Url</c>); null: the embedded fake.</summary>
    public string? TargetUrl { get; init; }

    /// <summary>The shared secret requests are signed with (<c>Target:Secret</c>); never reported.</summary>
    public string? Secret { get; init; }

    /// <summary>The checksum algorithm requests are signed with (<c>Target:Checksum</c>).</summary>
    public ChecksumAlgorithm Checksum { get; init; } = ChecksumAlgorithm.Sha1;

    /// <summary>How long one request may take (<c>Target:Timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(RunOptions.DefaultTimeoutSeconds);

    /// <summary>How long one unfiltered list call may take (<c>Target:ListTimeout</c>).</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(RunOptions.DefaultListCallTimeoutSeconds);

    /// <summary>The largest answer body read, in bytes (<c>Target:MaxBody</c>).</summary>
    public long MaxBody { get; init; } = RunOptions.DefaultMaxBodyBytes;

    /// <summary>Null: a fresh one per run (<see cref="RunIds.New"/>).</summary>
    public string? RunId { get; init; }

    /// <summary>Null: derived from the run ID (<see cref="RunOptions.EffectiveSeed"/>).</summary>
    public int? Seed { get; init; }

    /// <summary>The prefix of every meeting ID the run creates (<c>Run:MeetingPrefix</c>).</summary>
    public string MeetingPrefix { get; init; } = RunOptions.DefaultMeetingPrefix;

    /// <summary>Whether the run may create and end its own meetings (<c>Run:Tier</c>).</summary>
    public CaseTier Tier { get; init; } = CaseTier.Lifecycle;

    /// <summary>How many cases run at once (<c>Run:Parallel</c>).</summary>
    public int Parallel { get; init; } = RunOptions.DefaultParallelism;

    /// <summary>Globs over case IDs to run; empty: all (<c>Run:Only</c>).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Globs over case IDs to leave out (<c>Run:Skip</c>).</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>The known-failing list file, if any (<c>Run:KnownFailing</c>).</summary>
    public string? KnownFailingFile { get; init; }

    /// <summary>Most of the run's meetings live on the target at once (<c>Run:MaxLiveMeetings</c>).</summary>
    public int MaxLiveMeetings { get; init; } = RunOptions.DefaultMaxLiveMeetings;

    /// <summary>Most requests per second; null: no limit (<c>Run:MaxRate</c>).</summary>
    public double? MaxRate { get; init; }

    /// <summary>The folder reports are written to (<c>Run:Out</c>).</summary>
    public string Out { get; init; } = DefaultOut;

    /// <summary>True: the runner exits 3 when a delta stayed unverified (<c>Run:RequireComplete</c>).</summary>
    public bool RequireComplete { get; init; }

    /// <summary>How many random call sequences the runner explores after the cases; 0: none (<c>Run:Explore</c>).</summary>
    public int Explore { get; init; }

    /// <summary><c>mconf-live</c> or <c>bbb-0.9</c>; null: the fake's default. The embedded fake only.</summary>
    public string? FakeFlavour { get; init; }

    /// <summary>True: a person plays the presence session's users, following prompts (<c>Presence:Guided</c>).</summary>
    public bool PresenceGuided { get; init; }

    /// <summary>The driver command that plays the presence session's users, if any (<c>Presence:Driver</c>).</summary>
    public string? PresenceDriver { get; init; }

    /// <summary>The longest wait for a presence step to show (<c>Presence:Timeout</c>).</summary>
    public TimeSpan PresenceTimeout { get; init; } = TimeSpan.FromSeconds(DefaultPresenceTimeoutSeconds);

    /// <summary>Presence steps to leave out (<c>Presence:Skip</c>).</summary>
    public IReadOnlyList<string> PresenceSkip { get; init; } = [];

    /// <summary>How long to wait for the presence session's recording (<c>Presence:RecordingsWait</c>).</summary>
    public TimeSpan RecordingsWait { get; init; } = TimeSpan.Zero;

    /// <summary>The layered configuration, later sources winning: <c>appsettings.json</c> in <paramref name="basePath"/>
    /// (when given), the <c>MCONF_*</c> environment variables (<paramref name="environment"/> stands in for the
    /// process's, as in tests), then <paramref name="overrides"/> (the runner's options, NUnit test parameters).</summary>
    public static IConfigurationRoot Build(
        string? basePath = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        if (basePath is not null)
        {
            builder.SetBasePath(basePath).AddJsonFile(SettingKeys.FileName, optional: true, reloadOnChange: false);
        }

        if (environment is null)
        {
            builder.AddEnvironmentVariables(SettingKeys.EnvironmentPrefix);
        }
        else
        {
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith(SettingKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(
                    e.Key[SettingKeys.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), e.Value)));
        }

        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
        }

        return builder.Build();
    }

    /// <summary>Binds and checks every key. A deprecated key (<see cref="SettingKeys.Deprecated"/>) still counts
    /// unless its new key is set too, and gives one line to <paramref name="warn"/> (default: standard error) naming
    /// both. Throws <see cref="SettingsException"/> on the first bad value; <paramref name="name"/> says how the
    /// caller's user spells a key (the runner: its option, e.g. <c>--timeout</c>; default: the key).</summary>
    public static ConformanceOptions Bind(IConfiguration configuration, Action<string>? warn = null, Func<string, string>? name = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        warn ??= Console.Error.WriteLine;
        name ??= key => key;
        var reader = new Reader(configuration, name);
        foreach (var old in SettingKeys.Deprecated.Where(d => Blank(configuration[d.OldKey]) is not null))
        {
            var ignored = Blank(configuration[old.NewKey]) is not null ? $"; ignored, as {old.NewKey} is set" : "";
            warn($"warning: setting {old.OldKey} ({SettingKeys.EnvironmentVariable(old.OldKey)}) is deprecated and will not be read after version 0.1: " +
                $"use {old.NewKey} ({SettingKeys.EnvironmentVariable(old.NewKey)}){ignored}");
        }

        var target = reader.Text(SettingKeys.TargetUrl);
        var secret = configuration[SettingKeys.TargetSecret];
        if (target is not null)
        {
            try
            {
                ApiEndpoint.Parse(target);
            }
            catch (FormatException)
            {
                throw new SettingsException(SettingKeys.TargetUrl, $"{name(SettingKeys.TargetUrl)} is not an absolute http(s) URL");
            }

            if (string.IsNullOrEmpty(secret))
            {
                throw new SettingsException(SettingKeys.TargetSecret,
                    $"no shared secret for {name(SettingKeys.TargetUrl)}: pass {name(SettingKeys.TargetSecret)} or set {SettingKeys.EnvironmentVariable(SettingKeys.TargetSecret)}");
            }
        }

        var checksumText = reader.Text(SettingKeys.Checksum) ?? ChecksumAlgorithm.Sha1.Name();
        if (!ChecksumAlgorithms.TryParse(checksumText, out var checksum))
        {
            throw new SettingsException(SettingKeys.Checksum, $"{name(SettingKeys.Checksum)} must be one of {string.Join(", ", ChecksumAlgorithms.All.Select(a => a.Name()))}");
        }

        if (!CaseTierNames.TryParse(reader.Text(SettingKeys.Tier) ?? CaseTierNames.Lifecycle, out var tier))
        {
            throw new SettingsException(SettingKeys.Tier, $"{name(SettingKeys.Tier)} must be read-only or lifecycle");
        }

        var timeout = reader.Number(SettingKeys.Timeout, RunOptions.DefaultTimeoutSeconds, v => v > 0 && v <= 3600, "must be a number of seconds between 0 and 3600");
        var parallel = reader.Whole(SettingKeys.Parallel, RunOptions.DefaultParallelism, 1, MaxParallel, "must be a whole number from 1 to 64");
        var flavour = reader.Text(SettingKeys.FakeFlavour);
        if (flavour is not null && flavour is not ("mconf-live" or "bbb-0.9"))
        {
            throw new SettingsException(SettingKeys.FakeFlavour, $"{name(SettingKeys.FakeFlavour)} must be mconf-live or bbb-0.9");
        }

        if (flavour is not null && target is not null)
        {
            throw new SettingsException(SettingKeys.FakeFlavour, $"{name(SettingKeys.FakeFlavour)} applies to the embedded fake only, not to {name(SettingKeys.TargetUrl)}");
        }

        var guided = reader.Flag(SettingKeys.PresenceGuided);
        var requireComplete = reader.Flag(SettingKeys.RequireComplete);
        var driver = reader.Text(SettingKeys.PresenceDriver);
        if (guided && driver is not null)
        {
            throw new SettingsException(SettingKeys.PresenceDriver, $"{name(SettingKeys.PresenceGuided)} (a person) and {name(SettingKeys.PresenceDriver)} (a program) exclude each other");
        }

        if ((guided || driver is not null) && tier == CaseTier.ReadOnly)
        {
            throw new SettingsException(SettingKeys.Tier, "the presence session creates a meeting: it needs the lifecycle tier, not read-only");
        }

        var presenceTimeout = reader.Number(SettingKeys.PresenceTimeout, DefaultPresenceTimeoutSeconds, v => v >= 1 && v <= 3600, "must be a number of seconds from 1 to 3600");
        var recordingsWait = reader.Number(SettingKeys.RecordingsWait, 0, v => v >= 0 && v <= 86400, "must be a number of seconds from 0 to 86400");
        var listTimeout = reader.Number(SettingKeys.ListTimeout, RunOptions.DefaultListCallTimeoutSeconds, v => v >= 1 && v <= 86400, "must be a number of seconds from 1 to 86400");
        var maxBody = reader.Number(SettingKeys.MaxBody, RunOptions.DefaultMaxBodyBytes, v => v >= 1024 && v <= long.MaxValue / 2 && v == Math.Floor(v), "must be a number of bytes, at least 1024");
        var maxLive = reader.Whole(SettingKeys.MaxLiveMeetings, RunOptions.DefaultMaxLiveMeetings, RunOptions.MinLiveMeetings, 1000,
            $"must be a whole number from {RunOptions.MinLiveMeetings} (the shared meeting, a short-lived one and one case's) to 1000");
        double? maxRate = reader.Text(SettingKeys.MaxRate) is null
            ? null
            : reader.Number(SettingKeys.MaxRate, 0, v => v >= 0.1 && v <= 10000, "must be a number of requests per second from 0.1 to 10000");
        var presenceSkip = List(reader.Text(SettingKeys.PresenceSkip));
        if (presenceSkip.FirstOrDefault(s => !PresenceSessionSteps.Actions.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } unknownStep)
        {
            throw new SettingsException(SettingKeys.PresenceSkip, $"{name(SettingKeys.PresenceSkip)}: no step '{unknownStep}' (steps: {string.Join(", ", PresenceSessionSteps.Actions)})");
        }

        var explore = reader.Whole(SettingKeys.Explore, 0, 0, 10000, "must be a number of sequences from 0 to 10000");
        if (explore > 0 && tier == CaseTier.ReadOnly)
        {
            throw new SettingsException(SettingKeys.Explore, $"{name(SettingKeys.Explore)} creates meetings: it needs the lifecycle tier, not read-only");
        }

        int? seed = null;
        if (reader.Text(SettingKeys.Seed) is { } seedText)
        {
            seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new SettingsException(SettingKeys.Seed, $"{name(SettingKeys.Seed)} must be a whole number");
        }

        return new ConformanceOptions
        {
            TargetUrl = target,
            Secret = target is null ? null : secret,
            Checksum = checksum,
            Timeout = TimeSpan.FromSeconds(timeout),
            ListTimeout = TimeSpan.FromSeconds(listTimeout),
            MaxBody = (long)maxBody,
            RunId = reader.Text(SettingKeys.RunId),
            Seed = seed,
            MeetingPrefix = reader.Text(SettingKeys.MeetingPrefix) ?? RunOptions.DefaultMeetingPrefix,
            Tier = tier,
            Parallel = parallel,
            Only = List(reader.Text(SettingKeys.Only)),
            Skip = List(reader.Text(SettingKeys.Skip)),
            KnownFailingFile = reader.Text(SettingKeys.KnownFailing),
            MaxLiveMeetings = maxLive,
            MaxRate = maxRate,
            Out = reader.Text(SettingKeys.Out) ?? DefaultOut,
            RequireComplete = requireComplete,
            Explore = explore,
            FakeFlavour = flavour,
            PresenceGuided = guided,
            PresenceDriver = driver,
            PresenceTimeout = TimeSpan.FromSeconds(presenceTimeout),
            PresenceSkip = presenceSkip,
            RecordingsWait = TimeSpan.FromSeconds(recordingsWait),
        };
    }

    /// <summary>The engine's options for this configuration. <paramref name="url"/> and <paramref name="secret"/>
    /// replace the configured target (the embedded fake's); the known-failing list is
    /// <paramref name="knownFailing"/>, else the file of <see cref="KnownFailingFile"/>, else empty.</summary>
    public RunOptions ToRunOptions(string? url = null, string? secret = null, bool embedded = false, TimeProvider? time = null, KnownFailingList? knownFailing = null)
    {
        time ??= TimeProvider.System;
        return new RunOptions
        {
            TargetUrl = url ?? TargetUrl ?? "",
            Secret = secret ?? Secret ?? "",
            Checksum = Checksum,
            RequestTimeout = Timeout,
            ListCallTimeout = ListTimeout,
            MaxBodyBytes = MaxBody,
            RunId = RunId ?? RunIds.New(time, Seed),
            Seed = Seed,
            MeetingPrefix = MeetingPrefix,
            Tier = Tier,
            Parallelism = Parallel,
            Only = Only,
            Skip = Skip,
            KnownFailing = knownFailing ?? (KnownFailingFile is { } file ? KnownFailingList.Load(file) : KnownFailingList.Empty),
            MaxLiveMeetings = MaxLiveMeetings,
            MaxRequestsPerSecond = MaxRate,
            Embedded = embedded,
            Time = time,
        };
    }

    /// <summary>Every key with its bound value as invariant text (the secret as <c>***</c> when set), in
    /// <see cref="SettingKeys.All"/> order: what the entry points are compared on.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values()
    {
        static string S(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
        static string L(IReadOnlyList<string> list) => string.Join(",", list);
        static string B(bool value) => value ? "true" : "false";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingKeys.TargetUrl] = TargetUrl ?? "",
            [SettingKeys.TargetSecret] = string.IsNullOrEmpty(Secret) ? "" : "***",
            [SettingKeys.Checksum] = Checksum.Name(),
            [SettingKeys.Timeout] = S(Timeout.TotalSeconds),
            [SettingKeys.ListTimeout] = S(ListTimeout.TotalSeconds),
            [SettingKeys.MaxBody] = MaxBody.ToString(CultureInfo.InvariantCulture),
            [SettingKeys.RunId] = RunId ?? "",
            [SettingKeys.Seed] = Seed?.ToString(CultureInfo.InvariantCulture) ?? "",
            [SettingKeys.MeetingPrefix] = MeetingPrefix,
            [SettingKeys.Tier] = Tier.Name(),
            [SettingKeys.Parallel] = Parallel.ToString(CultureInfo.InvariantCulture),
            [SettingKeys.Only] = L(Only),
            [SettingKeys.Skip] = L(Skip),
            [SettingKeys.KnownFailing] = KnownFailingFile ?? "",
            [SettingKeys.MaxLiveMeetings] = MaxLiveMeetings.ToString(CultureInfo.InvariantCulture),
            [SettingKeys.MaxRate] = MaxRate is { } rate ? S(rate) : "",
            [SettingKeys.Out] = Out,
            [SettingKeys.RequireComplete] = B(RequireComplete),
            [SettingKeys.Explore] = Explore.ToString(CultureInfo.InvariantCulture),
            [SettingKeys.FakeFlavour] = FakeFlavour ?? "",
            [SettingKeys.PresenceGuided] = B(PresenceGuided),
            [SettingKeys.PresenceDriver] = PresenceDriver ?? "",
            [SettingKeys.PresenceTimeout] = S(PresenceTimeout.TotalSeconds),
            [SettingKeys.PresenceSkip] = L(PresenceSkip),
            [SettingKeys.RecordingsWait] = S(RecordingsWait.TotalSeconds),
        };
        return [.. SettingKeys.All.Select(k => KeyValuePair.Create(k, values[k]))];
    }

    /// <summary>A comma-separated list, trimmed, without empty entries or repeats.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Reads a key, or its deprecated spelling when only that is set (scaled to the new key's unit).</summary>
    private sealed class Reader(IConfiguration configuration, Func<string, string> name)
    {
        public string? Text(string key)
        {
            if (Blank(configuration[key]) is { } value)
            {
                return value;
            }

            return SettingKeys.Deprecated.FirstOrDefault(d => d.NewKey == key && Blank(configuration[d.OldKey]) is not null) is { } old
                ? Scaled(old, Blank(configuration[old.OldKey])!)
                : null;
        }

        public double Number(string key, double fallback, Func<double, bool> valid, string rule)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && valid(value)
                ? value
                : throw new SettingsException(key, $"{name(key)} {rule}");
        }

        public int Whole(string key, int fallback, int min, int max, string rule)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new SettingsException(key, $"{name(key)} {rule}");
        }

        public bool Flag(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                return false;
            }

            return bool.TryParse(text, out var value)
                ? value
                : throw new SettingsException(key, $"{name(key)} ({SettingKeys.EnvironmentVariable(key)}) takes true or false");
        }

        private string Scaled(DeprecatedKey old, string text)
        {
            if (old.Scale == 1)
            {
                return text;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? (value * old.Scale).ToString("0", CultureInfo.InvariantCulture)
                : throw new SettingsException(old.OldKey, $"{name(old.OldKey)} must be a positive number (deprecated: use {old.NewKey})");
        }
    }
}

/// <summary>The kit's one run-ID format, <c>yyyyMMdd-HHmmss-xxxx</c> (UTC time, 4 hex digits): it names the report
/// folder and goes into every meeting ID, where <c>Target/KitMeetings.cs</c> recognises it.</summary>
internal static class RunIds
{
    /// <summary>A run ID at the clock's time; its suffix follows from <paramref name="seed"/> when given (the same
    /// configuration, the same IDs), otherwise it is random so two runs in one second differ.</summary>
    public static string New(TimeProvider time, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var suffix = seed is { } s ? new Target.RandomSource(s).Hex(4) : RandomNumberGenerator.GetHexString(4, lowercase: true);
        return time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
    }
}
