using Mconf.Spec.Signing;
using Microsoft.Extensions.Configuration;
using Mconf.Spec.Cases;

namespace Mconf.Conformance.Runner.Cli;

/// <summary>The runner's view of <see cref="ConformanceOptions"/> (the settings model it shares with the NUnit suite
/// and a user's test project): the command line layered over the <c>MCONF_*</c> environment variables, bound and
/// checked once. <see cref="TargetUrl"/> null means: certify the embedded fake.</summary>
internal sealed record RunSettings
{
    public const string DefaultOut = ConformanceOptions.DefaultOut;
    public const int DefaultTimeoutSeconds = RunOptions.DefaultTimeoutSeconds;
    public const int DefaultParallelism = RunOptions.DefaultParallelism;
    public const int DefaultPresenceTimeoutSeconds = ConformanceOptions.DefaultPresenceTimeoutSeconds;

    /// <summary>Every bound setting; the properties below read it.</summary>
    public ConformanceOptions Options { get; init; } = new();

    public string? TargetUrl => Options.TargetUrl;

    public string? Secret => Options.Secret;

    public ChecksumAlgorithm Checksum => Options.Checksum;

    public CaseTier Tier => Options.Tier;

    public TimeSpan Timeout => Options.Timeout;

    /// <summary><c>--list-timeout</c>: the budget of an unfiltered list call.</summary>
    public TimeSpan ListTimeout => Options.ListTimeout;

    /// <summary><c>--max-body</c>: the largest answer read whole, in bytes.</summary>
    public long MaxBody => Options.MaxBody;

    public string OutDirectory => Options.Out;

    public string? KnownFailingFile => Options.KnownFailingFile;

    public int Parallelism => Options.Parallel;

    /// <summary>Random call sequences the explorer tries after the cases (<c>--explore N</c>); 0: none.</summary>
    public int Explore => Options.Explore;

    /// <summary>Flavour of the embedded fake (<c>mconf-live</c> or <c>bbb-0.9</c>); null = the fake's default.</summary>
    public string? FakeFlavour => Options.FakeFlavour;

    public IReadOnlyList<string> Only => Options.Only;

    public IReadOnlyList<string> Skip => Options.Skip;

    public bool UsesEmbeddedFake => TargetUrl is null;

    /// <summary>Exit <see cref="ExitCodes.Incomplete"/> instead of 0 when some delta stayed unverified.</summary>
    public bool RequireComplete => Options.RequireComplete;

    /// <summary>A person walks through the presence session (<c>--presence</c>).</summary>
    public bool PresenceGuided => Options.PresenceGuided;

    /// <summary>The program that drives the presence session (<c>--presence-driver</c>); null: none.</summary>
    public string? PresenceDriver => Options.PresenceDriver;

    public bool HasPresence => PresenceGuided || PresenceDriver is not null;

    public TimeSpan PresenceTimeout => Options.PresenceTimeout;

    public IReadOnlyList<string> PresenceSkip => Options.PresenceSkip;

    public TimeSpan RecordingsWait => Options.RecordingsWait;

    /// <summary>Most of the run's meetings live on the target at once (<c>--max-live-meetings</c>).</summary>
    public int MaxLiveMeetings => Options.MaxLiveMeetings;

    /// <summary>Most requests per second (<c>--max-rate</c>); null: no limit.</summary>
    public double? MaxRate => Options.MaxRate;

    /// <summary>Environment variables (or a test's stand-in) under <see cref="SettingKeys.EnvironmentPrefix"/>,
    /// then the command line on top (<see cref="ConformanceOptions.Build"/>, as the NUnit suite layers them).</summary>
    public static IConfiguration BuildConfiguration(CliOptions cli, IReadOnlyDictionary<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return ConformanceOptions.Build(environment: environment, overrides: cli.Settings);
    }

    /// <summary>Reads and checks every setting; on failure returns null and one line in <paramref name="error"/>
    /// that never includes the secret. A deprecated key's warning goes to <paramref name="warn"/>.</summary>
    public static RunSettings? Resolve(CliOptions cli, IConfiguration configuration, out string? error, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(configuration);
        error = null;
        if (string.IsNullOrWhiteSpace(configuration[SettingKeys.TargetUrl]) && cli.Settings.ContainsKey(SettingKeys.TargetSecret))
        {
            error = "--secret needs --target (the embedded fake brings its own secret)";
            return null;
        }

        try
        {
            return new RunSettings { Options = ConformanceOptions.Bind(configuration, warn ?? (_ => { }), CliParser.OptionName) };
        }
        catch (SettingsException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
