using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mconf.Conformance.TestTargets;

namespace Mconf.Conformance.Power;

/// <summary>What one power run covers: the configurations, an optional seeded sample of the mutants (0: all), the
/// mutants run at once, a time box (mutants not started within it are reported as not run), a glob selection.</summary>
public sealed record PowerOptions
{
    public IReadOnlyList<PowerConfig> Configs { get; init; } = [PowerConfig.Certification];

    public int Sample { get; init; }

    public int Seed { get; init; } = 17;

    public int Parallel { get; init; } = 2;

    public TimeSpan TimeBox { get; init; } = TimeSpan.FromMinutes(60);

    public string? Only { get; init; }

    public bool Tolerated { get; init; } = true;

    public Action<string>? Progress { get; init; }
}

public sealed record MutantResult(string Id, string Call, string SpecId, string Operator, string Kind, string? Delta, string Config,
    string How, IReadOnlyList<string> FailedCases, int Changes, double Seconds, string? Detail, string? Equivalent)
{
    [JsonIgnore] public bool Killed => How is "failed" or "aborted" or "incomplete";

    [JsonIgnore] public bool Counted => Equivalent is null && How != "not-run";

    /// <summary>Why a surviving, non-equivalent mutant survived: the mutation never changed an answer the run saw
    /// (not exercised), or it did and no case noticed (a gap).</summary>
    public string? SurvivorReason => Killed || How == "not-run" ? null
        : Equivalent is not null ? "equivalent: " + Equivalent
        : Changes == 0 ? "not exercised: no request or answer of the run had what this operator changes (the suite never provokes it)"
        : "gap: answers changed and no case failed";
}

public sealed record ToleratedResult(string Name, string Config, bool Passed, IReadOnlyList<string> FailedCases, double Seconds, string? Detail);

public sealed record PowerResults(string GeneratedBy, int Seed, int Sample, IReadOnlyList<string> Configs, double Seconds, bool TimedOut,
    IReadOnlyDictionary<string, int> Generated, IReadOnlyList<ToleratedResult> Tolerated, IReadOnlyList<MutantResult> Mutants);

/// <summary>Runs the baseline, the tolerated transformations and the mutants, and gathers the results.</summary>
public static class PowerRun
{
    public static IReadOnlyList<AnswerMutant> Select(PowerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<AnswerMutant> all = AnswerMutants.All();
        if (options.Only is { } only)
        {
            var regex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(only).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
            all = all.Where(m => regex.IsMatch(m.Id));
        }

        var list = all.ToList();
        if (options.Sample > 0 && options.Sample < list.Count)
        {
            // Seeded and stable: the same seed picks the same mutants on every machine.
            var random = new Random(options.Seed);
            list = [.. list.OrderBy(_ => random.Next()).Take(options.Sample).OrderBy(m => m.Id, StringComparer.Ordinal)];
        }

        return list;
    }

    public static async Task<PowerResults> RunAsync(PowerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var equivalents = Equivalents.Load();
        var mutants = Select(options);
        var tolerated = new List<ToleratedResult>();
        var results = new List<MutantResult>();
        var timedOut = false;
        using var box = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        box.CancelAfter(options.TimeBox);
        foreach (var config in options.Configs)
        {
            var name = Name(config);
            var (baselineOutcome, _) = await PowerHarness.RunOutcomeAsync(config, null, busy: false, cancellationToken).ConfigureAwait(false);
            var baselineVerdict = PowerHarness.Judge(baselineOutcome, 0, null);
            if (baselineVerdict.Killed)
            {
                throw new InvalidOperationException($"The unmutated fake does not pass the suite in {name}: {baselineVerdict.How} {string.Join(", ", baselineVerdict.FailedCases)} {baselineVerdict.Detail}");
            }

            var baseline = PowerHarness.VerifiedDeltas(baselineOutcome);
            options.Progress?.Invoke($"{name}: baseline passes, {baseline.Count} deltas verified, {baselineOutcome.Duration.TotalSeconds:0.0} s");
            if (options.Tolerated)
            {
                foreach (var t in AnswerMutants.Tolerated())
                {
                    var verdict = await PowerHarness.RunAsync(config, t.Create, t.Busy, baseline, cancellationToken).ConfigureAwait(false);
                    tolerated.Add(new ToleratedResult(t.Name, name, !verdict.Killed, verdict.FailedCases, verdict.Seconds, verdict.Detail));
                    options.Progress?.Invoke($"{name}: tolerated {(verdict.Killed ? "FAILED" : "passed")}  {t.Name} {verdict.Detail}");
                }
            }

            var done = 0;
            var gate = new Lock();
            try
            {
                // A seeded shuffle: a run cut short by its time box has run a uniform sample, not the first calls.
                var order = new Random(options.Seed);
                var shuffled = mutants.OrderBy(_ => order.Next()).ToList();
                await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = box.Token },
                    async (mutant, token) =>
                    {
                        var equivalent = equivalents.Reason(mutant.Id);
                        var verdict = await PowerHarness.RunAsync(config, mutant.Create, busy: false, baseline, token).ConfigureAwait(false);
                        if (token.IsCancellationRequested)
                        {
                            // Cut off by the time box: its abort says nothing about the mutant.
                            return;
                        }

                        var result = new MutantResult(mutant.Id, mutant.Call, mutant.SpecId, mutant.Operator, mutant.Kind, mutant.Delta, name,
                            verdict.How, verdict.FailedCases, verdict.Changes, verdict.Seconds, verdict.Detail, equivalent);
                        lock (gate)
                        {
                            results.Add(result);
                            done++;
                            options.Progress?.Invoke($"{name}: [{done}/{mutants.Count}] {verdict.How,-10} {mutant.Id} ({verdict.Seconds:0.0} s)");
                        }
                    }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (box.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
            }

            var ran = results.Where(r => r.Config == name).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            results.AddRange(mutants.Where(m => !ran.Contains(m.Id)).Select(m => new MutantResult(m.Id, m.Call, m.SpecId, m.Operator, m.Kind, m.Delta, name,
                "not-run", [], 0, 0, "the time box ran out first", equivalents.Reason(m.Id))));
        }

        var generated = mutants.GroupBy(m => m.Operator).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PowerResults("bench/suite-power.sh", options.Seed, options.Sample, [.. options.Configs.Select(Name)], Math.Round(watch.Elapsed.TotalSeconds, 1),
            timedOut, generated, tolerated, [.. results.OrderBy(r => r.Config, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)]);
    }

    public static string Name(PowerConfig config) => config switch
    {
        PowerConfig.Certification => "certification",
        PowerConfig.AutoConnect => "auto-connect",
        _ => "no-auto-connect",
    };

    public static PowerConfig Parse(string name) => name switch
    {
        "certification" => PowerConfig.Certification,
        "auto-connect" => PowerConfig.AutoConnect,
        "no-auto-connect" => PowerConfig.NoAutoConnect,
        _ => throw new ArgumentException($"unknown configuration '{name}' (certification, auto-connect, no-auto-connect)", nameof(name)),
    };

    /// <summary>The results with each mutant's equivalence read again from the (reviewed) equivalents file.</summary>
    public static PowerResults Reclassify(PowerResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var equivalents = Equivalents.Load();
        return results with { Mutants = [.. results.Mutants.Select(m => m with { Equivalent = equivalents.Reason(m.Id) })] };
    }

    /// <summary>Killed / counted (non-equivalent, run) mutants.</summary>
    public static double KillRate(IEnumerable<MutantResult> results)
    {
        var counted = results.Where(r => r.Counted).ToList();
        return counted.Count == 0 ? 0 : (double)counted.Count(r => r.Killed) / counted.Count;
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

/// <summary>The reviewed list of equivalent mutants (equivalents.json, embedded): ID globs with reasons.</summary>
public sealed class Equivalents(IReadOnlyList<(System.Text.RegularExpressions.Regex Pattern, string Reason)> entries)
{
    public static Equivalents Load()
    {
        using var stream = typeof(Equivalents).Assembly.GetManifestResourceStream("equivalents.json")
            ?? throw new InvalidOperationException("equivalents.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        var list = new List<(System.Text.RegularExpressions.Regex, string)>();
        foreach (var entry in document.RootElement.GetProperty("equivalent").EnumerateArray())
        {
            var glob = entry.GetProperty("mutant").GetString() ?? "";
            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
            list.Add((new System.Text.RegularExpressions.Regex(pattern), entry.GetProperty("reason").GetString() ?? ""));
        }

        return new Equivalents(list);
    }

    public string? Reason(string id) => entries.FirstOrDefault(e => e.Pattern.IsMatch(id)).Reason;
}
