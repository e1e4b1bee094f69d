using System.Globalization;
using Mconf.Spec.Signing;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Configuration;

/// <summary>Target and run settings from Microsoft.Extensions.Configuration: <c>appsettings.json</c>, then
/// environment variables prefixed <c>MCONF_</c> (<c>MCONF_TARGET__URL</c>, <c>MCONF_TARGET__SECRET</c>,
/// <c>MCONF_TARGET__CHECKSUM</c>, <c>MCONF_TARGET__TIMEOUTSECONDS</c>, <c>MCONF_RUN__ID</c>, <c>MCONF_RUN__TIER</c>...),
/// then command-line values (<c>--Target:Url=...</c>), then explicit overrides; later sources win.</summary>
public static class ConformanceSettings
{
    public const string EnvironmentPrefix = "MCONF_";
    public const string FileName = "appsettings.json";

    public const string Url = "Target:Url";
    public const string Secret = "Target:Secret";
    public const string ChecksumKey = "Target:Checksum";
    public const string TimeoutSeconds = "Target:TimeoutSeconds";
    public const string RunId = "Run:Id";
    public const string Tier = "Run:Tier";
    public const string Parallelism = "Run:Parallelism";
    public const string Prefix = "Run:MeetingPrefix";
    public const string Only = "Run:Only";
    public const string Skip = "Run:Skip";
    public const string Seed = "Run:Seed";
    public const string MaxBodyMegabytes = "Target:MaxBodyMegabytes";

    public static IConfigurationRoot Build(string? basePath = null, string[]? args = null, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        if (basePath is not null)
        {
            builder.SetBasePath(basePath).AddJsonFile(FileName, optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (args is { Length: > 0 })
        {
            builder.AddCommandLine(args);
        }

        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
        }

        return builder.Build();
    }

    /// <summary>True when a target URL is configured; otherwise the caller certifies the embedded fake.</summary>
    public static bool HasTarget(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration?[Url]);

    /// <summary>The run options; <paramref name="url"/>/<paramref name="secret"/> replace the configured target
    /// (used when the fake was started). Throws <see cref="FormatException"/> naming the setting on a bad value.</summary>
    public static RunOptions ToRunOptions(IConfiguration configuration, string? url = null, string? secret = null, bool embedded = false, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        time ??= TimeProvider.System;
        int? seed = null;
        if (NonEmpty(configuration[Seed]) is { } seedText)
        {
            seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"{Seed} '{seedText}' is not an integer.");
        }

        var checksumText = configuration[ChecksumKey];
        var algorithm = ChecksumAlgorithm.Sha1;
        if (!string.IsNullOrWhiteSpace(checksumText) && !ChecksumAlgorithms.TryParse(checksumText, out algorithm))
        {
            throw new FormatException($"{ChecksumKey} '{checksumText}' is not a checksum algorithm (sha1, sha256, sha384, sha512).");
        }

        return new RunOptions
        {
            TargetUrl = url ?? configuration[Url] ?? "",
            Secret = secret ?? configuration[Secret] ?? "",
            Checksum = algorithm,
            RequestTimeout = TimeSpan.FromSeconds(Number(configuration, TimeoutSeconds, 10)),
            RunId = NonEmpty(configuration[RunId]) ?? NewRunId(time, seed),
            Time = time,
            Seed = seed,
            MaxBodyBytes = (long)(Number(configuration, MaxBodyMegabytes, RunOptions.DefaultMaxBodyBytes / (1024.0 * 1024)) * 1024 * 1024),
            Tier = NonEmpty(configuration[Tier]) ?? "lifecycle",
            Parallelism = (int)Number(configuration, Parallelism, 4),
            MeetingPrefix = NonEmpty(configuration[Prefix]) ?? "mconf-conformance",
            Only = List(configuration[Only]),
            Skip = List(configuration[Skip]),
            Embedded = embedded,
        };
    }

    /// <summary>A run id from the clock's UTC time and a random suffix from <paramref name="seed"/> (by default the
    /// clock's milliseconds), e.g. <c>20261128T173000-1a2b3c</c>.</summary>
    public static string NewRunId(TimeProvider time, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var random = new Target.RandomSource(seed ?? unchecked((int)now.ToUnixTimeMilliseconds()));
        return now.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + random.Hex(6);
    }

    private static double Number(IConfiguration configuration, string key, double fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{key} '{text}' is not a positive number.");
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] List(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
