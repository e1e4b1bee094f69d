using System.Globalization;

namespace Mconf.Mock.Bench;

/// <summary>The command line. Every loop the benchmark runs is bounded by these numbers in both count and time.</summary>
internal sealed record BenchOptions
{
    public double DurationSeconds { get; init; } = 5;

    public double WarmupSeconds { get; init; } = 0.5;

    /// <summary>Rounds per comparison: floor, peer and fake take turns, each round measuring Duration / Rounds.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Unmeasured load on every target before the first measurement, so all code is jitted to its final tier.</summary>
    public double JitWarmupSeconds { get; init; } = 3;

    public int Concurrency { get; init; } = 16;

    public IReadOnlyList<int> Meetings { get; init; } = [10, 1_000, 10_000];

    public int AttendeesPerMeeting { get; init; } = 10;

    public long RequestsForMemory { get; init; } = 100_000;

    /// <summary>Cap on the requests of one measured scenario (the duration normally ends it first).</summary>
    public long MaxRequestsPerScenario { get; init; } = 2_000_000;

    /// <summary>The fake's request journal bound (by default the fake's own default, <see cref="FakeServerOptions.JournalLimit"/>);
    /// the peer gets the same bound so the comparison is fair.</summary>
    public int JournalLimit { get; init; } = new FakeServerOptions().JournalLimit;

    /// <summary>How many distinct signed getMeetingInfo URLs (random existing meetings) the generator cycles through.</summary>
    public int InfoUrlPool { get; init; } = 1_024;

    public int Seed { get; init; } = 42;

    public bool Quick { get; init; }

    public const string Usage = """
        Mconf.Mock.Bench: throughput, latency and memory of the fake Mconf-Live server, side by side with a bare
        Kestrel endpoint (the floor) and a static WireMock stub (the peer), all measured in the same run.

        usage: dotnet run -c Release --project mock/Mconf.Mock.Bench -- [options]
               bench/fake-server.sh [options]

          --duration <s>               measured seconds per scenario (default 5; --quick: 1)
          --rounds <n>                 floor, peer and fake take turns n times, duration/n each (default 3; --quick: 1)
          --warmup <s>                 warm-up seconds before each round, not measured (default 0.5; --quick: 0.3)
          --jit-warmup <s>             unmeasured load per target before the first scenario (default 3; --quick: 1)
          --concurrency <n>            concurrent closed-loop workers (default 16)
          --meetings <n,n,...>         meeting counts of the fake (default 10,1000,10000; --quick: 10,1000)
          --attendees <n>              attendees per meeting (default 10)
          --requests-for-memory <n>    getMeetingInfo requests between the two RSS readings (default 100000; --quick: 10000)
          --max-requests <n>           cap on the requests of one scenario (default 2000000)
          --journal-limit <n>          request journal bound of the fake and of the peer (default 1000)
          --seed <n>                   seed of the fake's data and of the request mix (default 42)
          --quick                      a smoke run: short scenarios, fewer meetings, fewer memory requests
          --help                       this text

        Exit code: 0 when the benchmark ran (whether the targets were met or not), 1 when it could not measure,
        2 on a bad option.
        """;

    /// <summary>Parses the arguments; <paramref name="error"/> is set (and null returned) on a bad option,
    /// and both are null for --help.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var quick = args.Contains("--quick");
        var options = quick
            ? new BenchOptions { Quick = true, DurationSeconds = 1, WarmupSeconds = 0.3, Rounds = 1, JitWarmupSeconds = 1, Meetings = [10, 1_000], RequestsForMemory = 10_000 }
            : new BenchOptions();

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--quick")
            {
                continue;
            }

            if (name is "--help" or "-h")
            {
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"option '{name}' needs a value (or is unknown)";
                return null;
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--duration" => options with { DurationSeconds = Positive(double.Parse(value, CultureInfo.InvariantCulture), 600) },
                    "--warmup" => options with { WarmupSeconds = Range(double.Parse(value, CultureInfo.InvariantCulture), 0, 60) },
                    "--rounds" => options with { Rounds = (int)Positive(int.Parse(value, CultureInfo.InvariantCulture), 20) },
                    "--jit-warmup" => options with { JitWarmupSeconds = Range(double.Parse(value, CultureInfo.InvariantCulture), 0, 60) },
                    "--concurrency" => options with { Concurrency = (int)Positive(int.Parse(value, CultureInfo.InvariantCulture), 1_024) },
                    "--meetings" => options with { Meetings = ParseList(value) },
                    "--attendees" => options with { AttendeesPerMeeting = (int)Range(int.Parse(value, CultureInfo.InvariantCulture), 0, 1_000) },
                    "--requests-for-memory" => options with { RequestsForMemory = (long)Range(long.Parse(value, CultureInfo.InvariantCulture), 0, 10_000_000) },
                    "--max-requests" => options with { MaxRequestsPerScenario = (long)Positive(long.Parse(value, CultureInfo.InvariantCulture), 100_000_000) },
                    "--journal-limit" => options with { JournalLimit = (int)Range(int.Parse(value, CultureInfo.InvariantCulture), 0, 10_000_000) },
                    "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    _ => throw new FormatException($"unknown option '{name}'"),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
            {
                error = $"{name} {value}: {e.Message}";
                return null;
            }
        }

        return options;
    }

    private static IReadOnlyList<int> ParseList(string value)
    {
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => (int)Positive(int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1_000_000))
            .Distinct()
            .Order()
            .ToList();
        return list.Count == 0 ? throw new FormatException("give at least one meeting count") : list;
    }

    private static double Positive(double value, double max) => Range(value, double.Epsilon, max);

    private static double Range(double value, double min, double max) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"must be in [{min}, {max}]");
}
