using System.Globalization;
using Mconf.Conformance.Power;

// bench/suite-power.sh runs this: the suite against every answer mutant generated from the spec (or a seeded
// sample), in the configurations asked for, and writes power.md and power.json into --out.
var options = new PowerOptions();
var output = "reports/power";
var listOnly = false;
string? reportFrom = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--config": options = options with { Configs = [.. Next().Split(',').Select(PowerRun.Parse)] }; break;
        case "--sample": options = options with { Sample = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--seed": options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--parallel": options = options with { Parallel = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--time-box": options = options with { TimeBox = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--only": options = options with { Only = Next() }; break;
        case "--no-tolerated": options = options with { Tolerated = false }; break;
        case "--tolerated-config": options = options with { ToleratedConfigs = [.. Next().Split(',').Select(PowerRun.Parse)] }; break;
        case "--script-driver": PowerHarness.ScriptDriver = true; break;
        case "--out": output = Next(); break;
        case "--list": listOnly = true; break;
        case "--report-from": reportFrom = Next(); break;
        default:
            await Console.Error.WriteLineAsync("usage: [--report-from power.json] [--config certification,auto-connect,no-auto-connect] [--sample N] [--seed S] [--parallel P] [--time-box SECONDS] [--only GLOB] [--no-tolerated] [--tolerated-config C,...] [--script-driver] [--out DIR] [--list]");
            return 2;
    }
}

if (reportFrom is not null)
{
    // The report again from an earlier power.json, with the equivalents file as it is now (after a review).
    var earlier = System.Text.Json.JsonSerializer.Deserialize<PowerResults>(File.ReadAllText(reportFrom), PowerRun.Json)
        ?? throw new InvalidDataException(reportFrom + " is not a power.json");
    PowerReport.Write(PowerRun.Reclassify(earlier), output);
    Console.WriteLine($"report: {Path.Combine(output, "power.md")}");
    return 0;
}

if (listOnly)
{
    foreach (var mutant in PowerRun.Select(options))
    {
        Console.WriteLine(mutant.Id);
    }

    return 0;
}

options = options with { Progress = Console.WriteLine };
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var results = await PowerRun.RunAsync(options, cancel.Token);
PowerReport.Write(results, output);
foreach (var config in results.Mutants.GroupBy(m => m.Config))
{
    var counted = config.Where(m => m.Counted).ToList();
    Console.WriteLine($"{config.Key}: kill rate {PowerRun.KillRate(config):P1} ({counted.Count(m => m.Killed)} of {counted.Count} non-equivalent mutants killed)");
}

Console.WriteLine($"tolerated: {results.Tolerated.Count(t => t.Passed)} of {results.Tolerated.Count} passed; {results.Seconds:0} s; report: {Path.Combine(output, "power.md")}");
return results.Tolerated.All(t => t.Passed) ? 0 : 1;
