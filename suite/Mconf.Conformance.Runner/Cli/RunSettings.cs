using System.Globalization;
using Mconf.Spec.Signing;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Runner.Cli;

/// <summary>The run's settings after layering the command line over the <c>MCONF_*</c> environment variables.
/// <see cref="TargetUrl"/> null means: certify the embedded fake.</summary>
internal sealed record RunSettings
{
    public const string DefaultOut = "reports";
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultParallelism = 8;
    public const int DefaultPresenceTimeoutSeconds = 120;

    public string? TargetUrl { get; init; }

    public string? Secret { get; init; }

    public ChecksumAlgorithm Checksum { get; init; } = ChecksumAlgorithm.Sha1;

    public string Tier { get; init; } = "lifecycle";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary><c>--list-timeout</c>: the budget of an unfiltered list call.</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(Mconf.Conformance.RunOptions.DefaultListCallTimeoutSeconds);

    /// <summary><c>--max-body</c>: the largest answer read whole, in bytes.</summary>
    public long MaxBody { get; init; } = Mconf.Conformance.RunOptions.DefaultMaxBodyBytes;

    public string OutDirectory { get; init; } = DefaultOut;

    public string? KnownFailingFile { get; init; }

    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>Random call sequences the explorer tries after the cases (<c>--explore N</c>); 0: none.</summary>
    public int Explore { get; init; }

    /// <summary>Flavour of the embedded fake (<c>mconf-live</c> or <c>bbb-0.9</c>); null = the fake's default.</summary>
    public string? FakeFlavour { get; init; }

    public IReadOnlyList<string> Only { get; init; } = [];

    public IReadOnlyList<string> Skip { get; init; } = [];

    public bool UsesEmbeddedFake => TargetUrl is null;

    /// <summary>Exit <see cref="ExitCodes.Incomplete"/> instead of 0 when some delta stayed unverified.</summary>
    public bool RequireComplete { get; init; }

    /// <summary>A person walks through the presence session (<c>--presence</c>).</summary>
    public bool PresenceGuided { get; init; }

    /// <summary>The program that drives the presence session (<c>--presence-driver</c>); null: none.</summary>
    public string? PresenceDriver { get; init; }

    public bool HasPresence => PresenceGuided || PresenceDriver is not null;

    public TimeSpan PresenceTimeout { get; init; } = TimeSpan.FromSeconds(DefaultPresenceTimeoutSeconds);

    public IReadOnlyList<string> PresenceSkip { get; init; } = [];

    public TimeSpan RecordingsWait { get; init; } = TimeSpan.Zero;

    /// <summary>Most of the run's meetings live on the target at once (<c>--max-live-meetings</c>).</summary>
    public int MaxLiveMeetings { get; init; } = RunOptions.DefaultMaxLiveMeetings;

    /// <summary>Most requests per second (<c>--max-rate</c>); null: no limit.</summary>
    public double? MaxRate { get; init; }

    /// <summary>Environment variables (or a test's stand-in) under <see cref="SettingKeys.EnvironmentPrefix"/>,
    /// then the command line on top.</summary>
    public static IConfiguration BuildConfiguration(CliOptions cli, IReadOnlyDictionary<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var builder = new ConfigurationBuilder();
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

        return builder.AddInMemoryCollection(cli.Settings).Build();
    }

    /// <summary>Reads and checks every setting; on failure returns null and one line in <paramref name="error"/>
    /// that never includes the secret.</summary>
    public static RunSettings? Resolve(CliOptions cli, IConfiguration configuration, out string? error)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(configuration);
        error = null;
        var target = NullIfBlank(configuration[SettingKeys.TargetUrl]);
        var secret = configuration[SettingKeys.TargetSecret];
        if (target is null && cli.Settings.ContainsKey(SettingKeys.TargetSecret))
        {
            error = "--secret needs --target (the embedded fake brings its own secret)";
            return null;
        }

        if (target is not null)
        {
            try
            {
                ApiEndpoint.Parse(target);
            }
            catch (FormatException)
            {
                error = "--target is not an absolute http(s) URL";
                return null;
            }

            if (string.IsNullOrEmpty(secret))
            {
                error = "no shared secret for --target: pass --secret or set MCONF_TARGET__SECRET";
                return null;
            }
        }

        var checksumText = NullIfBlank(configuration[SettingKeys.Checksum]) ?? "sha1";
        if (!ChecksumAlgorithms.TryParse(checksumText, out var checksum))
        {
            error = $"--checksum must be one of {string.Join(", ", ChecksumAlgorithms.All.Select(a => a.Name()))}";
            return null;
        }

        var tier = NullIfBlank(configuration[SettingKeys.Tier]) ?? "lifecycle";
        if (tier is not ("lifecycle" or "read-only"))
        {
            error = "--tier must be read-only or lifecycle";
            return null;
        }

        var timeoutText = NullIfBlank(configuration[SettingKeys.Timeout]);
        var timeoutSeconds = (double)DefaultTimeoutSeconds;
        if (timeoutText is not null
            && (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out timeoutSeconds)
                || timeoutSeconds <= 0 || timeoutSeconds > 3600))
        {
            error = "--timeout must be a number of seconds between 0 and 3600";
            return null;
        }

        var parallelText = NullIfBlank(configuration[SettingKeys.Parallel]);
        var parallelism = DefaultParallelism;
        if (parallelText is not null
            && (!int.TryParse(parallelText, NumberStyles.None, CultureInfo.InvariantCulture, out parallelism)
                || parallelism < 1 || parallelism > 64))
        {
            error = "--parallel must be a whole number from 1 to 64";
            return null;
        }

        var flavour = NullIfBlank(configuration[SettingKeys.FakeFlavour]);
        if (flavour is not null && flavour is not ("mconf-live" or "bbb-0.9"))
        {
            error = "--fake-flavour must be mconf-live or bbb-0.9";
            return null;
        }

        if (flavour is not null && target is not null)
        {
            error = "--fake-flavour applies to the embedded fake only, not to --target";
            return null;
        }

        if (!Bool(configuration[SettingKeys.PresenceGuided], out var guided) || !Bool(configuration[SettingKeys.RequireComplete], out var requireComplete))
        {
            error = "--presence and --require-complete (MCONF_PRESENCE__GUIDED, MCONF_RUN__REQUIRECOMPLETE) take true or false";
            return null;
        }

        var driver = NullIfBlank(configuration[SettingKeys.PresenceDriver]);
        if (guided && driver is not null)
        {
            error = "--presence (a person) and --presence-driver (a program) exclude each other";
            return null;
        }

        if ((guided || driver is not null) && tier == "read-only")
        {
            error = "the presence session creates a meeting: it needs the lifecycle tier, not read-only";
            return null;
        }

        if (!Seconds(configuration[SettingKeys.PresenceTimeout], DefaultPresenceTimeoutSeconds, 1, 3600, out var presenceTimeout))
        {
            error = "--presence-timeout must be a number of seconds from 1 to 3600";
            return null;
        }

        if (!Seconds(configuration[SettingKeys.RecordingsWait], 0, 0, 86400, out var recordingsWait))
        {
            error = "--recordings-wait must be a number of seconds from 0 to 86400";
            return null;
        }

        if (!Seconds(configuration[SettingKeys.ListTimeout], Mconf.Conformance.RunOptions.DefaultListCallTimeoutSeconds, 1, 86400, out var listTimeout))
        {
            error = "--list-timeout must be a number of seconds from 1 to 86400";
            return null;
        }

        var maxBody = Mconf.Conformance.RunOptions.DefaultMaxBodyBytes;
        if (NullIfBlank(configuration[SettingKeys.MaxBody]) is { } maxBodyText
            && (!long.TryParse(maxBodyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxBody) || maxBody < 1024))
        {
            error = "--max-body must be a number of bytes, at least 1024";
            return null;
        }

        var liveText = NullIfBlank(configuration[SettingKeys.MaxLiveMeetings]);
        var maxLive = RunOptions.DefaultMaxLiveMeetings;
        if (liveText is not null
            && (!int.TryParse(liveText, NumberStyles.None, CultureInfo.InvariantCulture, out maxLive) || maxLive < RunOptions.MinLiveMeetings || maxLive > 1000))
        {
            error = $"--max-live-meetings must be a whole number from {RunOptions.MinLiveMeetings} (the shared meeting, a short-lived one and one case's) to 1000";
            return null;
        }

        double? maxRate = null;
        if (NullIfBlank(configuration[SettingKeys.MaxRate]) is { } rateText)
        {
            if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate >= 0.1 && rate <= 10000))
            {
                error = "--max-rate must be a number of requests per second from 0.1 to 10000";
                return null;
            }

            maxRate = rate;
        }

        var presenceSkip = Globs(cli.PresenceSkip, configuration[SettingKeys.PresenceSkip]);
        if (presenceSkip.FirstOrDefault(s => !Presence.PresenceSessionSteps.Actions.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } unknownStep)
        {
            error = $"--presence-skip: no step '{unknownStep}' (steps: {string.Join(", ", Presence.PresenceSessionSteps.Actions)})";
            return null;
        }

        var explore = 0;
        if (NullIfBlank(configuration[SettingKeys.Explore]) is { } exploreText
            && (!int.TryParse(exploreText, NumberStyles.None, CultureInfo.InvariantCulture, out explore) || explore > 10000))
        {
            error = "--explore must be a number of sequences from 0 to 10000";
            return null;
        }

        if (explore > 0 && tier == "read-only")
        {
            error = "--explore creates meetings: it needs the lifecycle tier, not read-only";
            return null;
        }

        return new RunSettings
        {
            Explore = explore,
            RequireComplete = requireComplete,
            MaxLiveMeetings = maxLive,
            MaxRate = maxRate,
            PresenceGuided = guided,
            PresenceDriver = driver,
            PresenceTimeout = TimeSpan.FromSeconds(presenceTimeout),
            PresenceSkip = presenceSkip,
            RecordingsWait = TimeSpan.FromSeconds(recordingsWait),
            TargetUrl = target,
            Secret = target is null ? null : secret,
            Checksum = checksum,
            Tier = tier,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            ListTimeout = TimeSpan.FromSeconds(listTimeout),
            MaxBody = maxBody,
            OutDirectory = NullIfBlank(configuration[SettingKeys.Out]) ?? DefaultOut,
            KnownFailingFile = NullIfBlank(configuration[SettingKeys.KnownFailing]),
            Parallelism = parallelism,
            FakeFlavour = flavour,
            Only = Globs(cli.Only, configuration[SettingKeys.Only]),
            Skip = Globs(cli.Skip, configuration[SettingKeys.Skip]),
        };
    }

    // Globs given on the command line replace those of the environment, as every other option does.
    private static string[] Globs(IReadOnlyList<string> fromCommandLine, string? fromEnvironment) =>
        [.. (fromCommandLine.Count > 0 ? fromCommandLine : CliParser.SplitList(fromEnvironment)).Distinct(StringComparer.Ordinal)];

    private static bool Bool(string? text, out bool value)
    {
        value = false;
        return NullIfBlank(text) is not { } t || bool.TryParse(t, out value);
    }

    private static bool Seconds(string? text, double fallback, double min, double max, out double value)
    {
        value = fallback;
        return NullIfBlank(text) is not { } t
            || (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
