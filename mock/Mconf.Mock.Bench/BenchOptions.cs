using System.CommandLine;
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

    /// <summary>Connection counts of the defaults-by-connections comparison.</summary>
    public IReadOnlyList<int> Connections { get; init; } = [1, 16, 64];

    /// <summary>Starts after the first one for the start-up figures.</summary>
    public int Starts { get; init; } = 20;

    /// <summary>Fakes in the fleet whose idle memory is measured (0 skips).</summary>
    public int FleetSize { get; init; } = 50;

    public bool Quick { get; init; }

    public const string Description = """
        Mconf.Mock.Bench: throughput, latency and memory of the fake Mconf-Live server, side by side with a bare
        Kestrel endpoint (the floor) and a static WireMock stub (the peer), all measured in the same run; start-up
        times and a fleet's memory. bench/fake-server.sh runs it in Release.
        Exit code: 0 when the benchmark ran (whether the targets were met or not), 1 when it could not measure,
        2 on a bad option.
        """;

    /// <summary>The command line (System.CommandLine): <paramref name="run"/> gets the parsed options; --help and
    /// bad options (exit 2, naming the option) are handled by the parser.</summary>
    public static RootCommand Command(Func<BenchOptions, Task<int>> run)
    {
        var duration = new Option<double?>("--duration") { Description = "measured seconds per scenario (default 5; --quick: 1)", HelpName = "s" };
        var rounds = new Option<int?>("--rounds") { Description = "floor, peer and fake take turns n times, duration/n each (default 3; --quick: 1)", HelpName = "n" };
        var warmup = new Option<double?>("--warmup") { Description = "warm-up seconds before each round, not measured (default 0.5; --quick: 0.3)", HelpName = "s" };
        var jitWarmup = new Option<double?>("--jit-warmup") { Description = "unmeasured load per target before the first scenario (default 3; --quick: 1)", HelpName = "s" };
        var concurrency = new Option<int?>("--concurrency") { Description = "concurrent closed-loop workers of the meeting-count scenarios (default 16)", HelpName = "n" };
        var connections = new Option<string?>("--connections") { Description = "connection counts of the defaults-by-connections comparison (default 1,16,64)", HelpName = "n,n,..." };
        var meetings = new Option<string?>("--meetings") { Description = "meeting counts of the fake (default 10,1000,10000; --quick: 10,1000)", HelpName = "n,n,..." };
        var attendees = new Option<int?>("--attendees") { Description = "attendees per meeting (default 10)", HelpName = "n" };
        var memory = new Option<long?>("--requests-for-memory") { Description = "getMeetingInfo requests between the two RSS readings, 0 skips (default 100000; --quick: 10000)", HelpName = "n" };
        var maxRequests = new Option<long?>("--max-requests") { Description = "cap on the requests of one scenario (default 2000000)", HelpName = "n" };
        var journal = new Option<int?>("--journal-limit") { Description = $"request journal bound of the fake and of the peer (default {new FakeServerOptions().JournalLimit}, the fake's)", HelpName = "n" };
        var starts = new Option<int?>("--starts") { Description = "fake starts after the first one, for the start-up figures (default 20; --quick: 5)", HelpName = "n" };
        var fleet = new Option<int?>("--fleet") { Description = "idle fakes in the fleet whose memory is measured, 0 skips (default 50; --quick: 10)", HelpName = "n" };
        var seed = new Option<int?>("--seed") { Description = "seed of the fake's data and of the request mix (default 42)", HelpName = "n" };
        var quick = new Option<bool>("--quick") { Description = "a smoke run: short scenarios, fewer meetings, fewer memory requests" };

        Range(duration, double.Epsilon, 600);
        Range(rounds, 1, 20);
        Range(warmup, 0, 60);
        Range(jitWarmup, 0, 60);
        Range(concurrency, 1, 1_024);
        Range(attendees, 0, 1_000);
        Range(memory, 0, 10_000_000);
        Range(maxRequests, 1, 100_000_000);
        Range(journal, 0, 10_000_000);
        Range(starts, 0, 1_000);
        Range(fleet, 0, 1_000);
        List(meetings, 1_000_000);
        List(connections, 1_024);

        var command = new RootCommand(Description) { duration, rounds, warmup, jitWarmup, concurrency, connections, meetings, attendees, memory, maxRequests, journal, starts, fleet, seed, quick };
        command.SetAction((result, _) =>
        {
            var isQuick = result.GetValue(quick);
            var defaults = isQuick
                ? new BenchOptions { Quick = true, DurationSeconds = 1, WarmupSeconds = 0.3, Rounds = 1, JitWarmupSeconds = 1, Meetings = [10, 1_000], RequestsForMemory = 10_000, Starts = 5, FleetSize = 10 }
                : new BenchOptions();
            var options = defaults with
            {
                DurationSeconds = result.GetValue(duration) ?? defaults.DurationSeconds,
                Rounds = result.GetValue(rounds) ?? defaults.Rounds,
                WarmupSeconds = result.GetValue(warmup) ?? defaults.WarmupSeconds,
                JitWarmupSeconds = result.GetValue(jitWarmup) ?? defaults.JitWarmupSeconds,
                Concurrency = result.GetValue(concurrency) ?? defaults.Concurrency,
                Connections = result.GetValue(connections) is { } c ? ParseList(c, 1_024) : defaults.Connections,
                Meetings = result.GetValue(meetings) is { } m ? ParseList(m, 1_000_000) : defaults.Meetings,
                AttendeesPerMeeting = result.GetValue(attendees) ?? defaults.AttendeesPerMeeting,
                RequestsForMemory = result.GetValue(memory) ?? defaults.RequestsForMemory,
                MaxRequestsPerScenario = result.GetValue(maxRequests) ?? defaults.MaxRequestsPerScenario,
                JournalLimit = result.GetValue(journal) ?? defaults.JournalLimit,
                Starts = result.GetValue(starts) ?? defaults.Starts,
                FleetSize = result.GetValue(fleet) ?? defaults.FleetSize,
                Seed = result.GetValue(seed) ?? defaults.Seed,
            };
            return run(options);
        });
        return command;
    }

    private static void Range<T>(Option<T?> option, T min, T max)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            T? parsed;
            try
            {
                parsed = result.GetValueOrDefault<T?>();
            }
            catch (InvalidOperationException)
            {
                return; // Not a number: the parser reports that itself, naming the option.
            }

            if (parsed is { } value && (value.CompareTo(min) < 0 || value.CompareTo(max) > 0))
            {
                result.AddError($"{option.Name} {value}: must be in [{min}, {max}].");
            }
        });
    }

    private static void List(Option<string?> option, int max)
    {
        option.Validators.Add(result =>
        {
            try
            {
                _ = ParseList(result.GetValueOrDefault<string?>() ?? "1", max);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
            {
                result.AddError($"{option.Name}: {e.Message}");
            }
        });
    }

    private static IReadOnlyList<int> ParseList(string value, int max)
    {
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .Select(v => v >= 1 && v <= max ? v : throw new ArgumentOutOfRangeException(nameof(value), v, $"each must be in [1, {max}]"))
            .Distinct()
            .Order()
            .ToList();
        return list.Count == 0 ? throw new FormatException("give at least one number, e.g. 10,1000") : list;
    }
}
