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

    /// <summary>Where the tolerated transformations run (null: in every one of <see cref="Configs"/>).</summary>
    public IReadOnlyList<PowerConfig>? ToleratedConfigs { get; init; }

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
            // A glob, or @FILE: one glob per line (e.g. the survivors of an earlier run).
            var globs = only.StartsWith('@') ? File.ReadAllLines(only[1..]).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList() : [only];
            var regexes = globs.Select(g => new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(g).Replace("\\*", ".*", StringComparison.Ordinal) + "$")).ToList();
            all = all.Where(m => regexes.Any(r => r.IsMatch(m.Id)));
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

    /// <summary>Runs the unmutated fake in <paramref name="config"/> and returns the Mconf-Live deltas it verifies;
    /// throws when it does not pass (then no mutant can be judged).</summary>
    public static async Task<IReadOnlySet<string>> BaselineAsync(PowerConfig config, Action<string>? progress, CancellationToken cancellationToken)
    {
        var name = Name(config);
        var (outcome, _) = await PowerHarness.RunOutcomeAsync(config, null, busy: false, cancellationToken).ConfigureAwait(false);
        var verdict = PowerHarness.Judge(outcome, 0, null);
        if (verdict.Killed)
        {
            throw new InvalidOperationException($"The unmutated fake does not pass the suite in {name}: {verdict.How} {string.Join(", ", verdict.FailedCases)} {verdict.Detail}");
        }

        var verified = PowerHarness.VerifiedDeltas(outcome);
        progress?.Invoke($"{name}: baseline passes, {verified.Count} deltas verified, {outcome.Duration.TotalSeconds:0.0} s");
        return verified;
    }

    /// <summary>The baselines first (each configuration once, at once), then the tolerated transformations and the
    /// mutants in one pool of <see cref="PowerOptions.Parallel"/> runs: the tolerated ones first (never cut by the
    /// time box), then each configuration's mutants in a seeded shuffled order (a run cut by its time box has run a
    /// uniform sample; what did not start within it is reported not run).</summary>
    public static async Task<PowerResults> RunAsync(PowerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var equivalents = Equivalents.Load();
        var mutants = Select(options);
        using var box = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        box.CancelAfter(options.TimeBox);
        IReadOnlyList<PowerConfig> toleratedConfigs = options.Tolerated ? options.ToleratedConfigs ?? options.Configs : [];
        var configs = options.Configs.Concat(toleratedConfigs).Distinct().ToList();
        var baselines = (await Task.WhenAll(configs.Select(async c => (Config: c, Verified: await BaselineAsync(c, options.Progress, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false)).ToDictionary(b => b.Config, b => b.Verified);

        var jobs = new List<(PowerConfig Config, ToleratedTransformation? Tolerated, AnswerMutant? Mutant)>();
        foreach (var config in toleratedConfigs)
        {
            // The busy server (the longest run) in the full certification only when that is run: BusyTarget's own
            // tests cover the other configurations.
            jobs.AddRange(AnswerMutants.Tolerated()
                .Where(t => !t.Busy || config == PowerConfig.Certification || !toleratedConfigs.Contains(PowerConfig.Certification))
                .OrderByDescending(t => t.Busy)
                .Select(t => (config, (ToleratedTransformation?)t, (AnswerMutant?)null)));
        }

        foreach (var config in options.Configs)
        {
            var order = new Random(options.Seed);
            jobs.AddRange(mutants.OrderBy(_ => order.Next()).Select(m => (config, (ToleratedTransformation?)null, (AnswerMutant?)m)));
        }

        var tolerated = new List<ToleratedResult>();
        var results = new List<MutantResult>();
        var done = new Dictionary<PowerConfig, int>();
        var gate = new Lock();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = cancellationToken },
            async (job, token) =>
            {
                var name = Name(job.Config);
                if (job.Tolerated is { } t)
                {
                    var verdict = await PowerHarness.RunAsync(job.Config, t.Create, t.Busy, baselines[job.Config], token).ConfigureAwait(false);
                    lock (gate)
                    {
                        tolerated.Add(new ToleratedResult(t.Name, name, !verdict.Killed, verdict.FailedCases, verdict.Seconds, verdict.Detail));
                        options.Progress?.Invoke($"{name}: tolerated {(verdict.Killed ? "FAILED" : "passed")}  {t.Name} {verdict.Detail} ({verdict.Seconds:0.0} s)");
                    }

                    return;
                }

                var mutant = job.Mutant!;
                if (box.IsCancellationRequested)
                {
                    return;
                }

                var result = await PowerHarness.RunAsync(job.Config, mutant.Create, busy: false, baselines[job.Config], box.Token).ConfigureAwait(false);
                if (box.IsCancellationRequested)
                {
                    // Cut off by the time box: its abort says nothing about the mutant.
                    return;
                }

                lock (gate)
                {
                    results.Add(new MutantResult(mutant.Id, mutant.Call, mutant.SpecId, mutant.Operator, mutant.Kind, mutant.Delta, name,
                        result.How, result.FailedCases, result.Changes, result.Seconds, result.Detail, equivalents.Reason(mutant.Id)));
                    done[job.Config] = done.GetValueOrDefault(job.Config) + 1;
                    options.Progress?.Invoke($"{name}: [{done[job.Config]}/{mutants.Count}] {result.How,-10} {mutant.Id} ({result.Seconds:0.0} s)");
                }
            }).ConfigureAwait(false);

        var timedOut = false;
        foreach (var config in options.Configs)
        {
            var name = Name(config);
            var ran = results.Where(r => r.Config == name).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var missing = mutants.Where(m => !ran.Contains(m.Id)).ToList();
            timedOut |= missing.Count > 0;
            results.AddRange(missing.Select(m => new MutantResult(m.Id, m.Call, m.SpecId, m.Operator, m.Kind, m.Delta, name,
                "not-run", [], 0, 0, "the time box ran out first", equivalents.Reason(m.Id))));
        }

        var generated = mutants.GroupBy(m => m.Operator).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PowerResults("bench/suite-power.sh", options.Seed, options.Sample, [.. options.Configs.Select(Name)], Math.Round(watch.Elapsed.TotalSeconds, 1),
            timedOut, generated, [.. tolerated.OrderBy(t => t.Config, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)],
            [.. results.OrderBy(r => r.Config, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)]);
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

/// <summary>The reviewed list of equivalent mutants (equivalents.json, embedded): ID globs with reasons, each
/// optionally narrowed to some <c>operators</c> (after the '@') and some <c>elements</c> (the last path segment of
/// the spec ID).</summary>
public sealed class Equivalents(IReadOnlyList<Equivalents.Entry> entries)
{
    public sealed record Entry(System.Text.RegularExpressions.Regex Pattern, IReadOnlySet<string>? Operators, IReadOnlySet<string>? Elements, string Reason)
    {
        public bool Matches(string id)
        {
            if (!Pattern.IsMatch(id))
            {
                return false;
            }

            var at = id.LastIndexOf('@');
            var op = at < 0 ? "" : id[(at + 1)..];
            var spec = (at < 0 ? id : id[..at]).Split('#')[0];
            var element = spec[(spec.LastIndexOf('/') + 1)..];
            return (Operators is null || Operators.Contains(op)) && (Elements is null || Elements.Contains(element));
        }
    }

    public IReadOnlyList<Entry> Entries => entries;

    public static Equivalents Load()
    {
        using var stream = typeof(Equivalents).Assembly.GetManifestResourceStream("equivalents.json")
            ?? throw new InvalidOperationException("equivalents.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        static IReadOnlySet<string>? Set(JsonElement entry, string name) =>
            entry.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal) : null;
        var list = new List<Entry>();
        foreach (var entry in document.RootElement.GetProperty("equivalent").EnumerateArray())
        {
            var glob = entry.GetProperty("mutant").GetString() ?? "";
            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
            list.Add(new(new System.Text.RegularExpressions.Regex(pattern), Set(entry, "operators"), Set(entry, "elements"), entry.GetProperty("reason").GetString() ?? ""));
        }

        return new Equivalents(list);
    }

    public string? Reason(string id) => entries.FirstOrDefault(e => e.Matches(id))?.Reason;
}
