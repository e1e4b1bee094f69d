using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mconf.Conformance.Power;

/// <summary>Writes the power report: power.json (every result) and power.md (kill rates per configuration, call,
/// operator and delta; the tolerated transformations; every survivor with its reason).</summary>
public static class PowerReport
{
    public static void Write(PowerResults results, string folder)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "power.json"), JsonSerializer.Serialize(results, PowerRun.Json));
        File.WriteAllText(Path.Combine(folder, "power.md"), Markdown(results));
    }

    public static string Markdown(PowerResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new StringBuilder();
        md.AppendLine("# Suite power report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Configurations: {string.Join(", ", results.Configs)}; mutants {(results.Sample > 0 ? $"a seeded sample of {results.Sample} (seed {results.Seed})" : "all")}; " +
            $"run time {results.Seconds:0} s{(results.TimedOut ? " (the time box ran out: the mutants not run are listed as not-run)" : "")}.").AppendLine();
        md.AppendLine("Generated mutants per operator: " + string.Join(", ", results.Generated.Select(g => $"{g.Key} {g.Value}")) + $" (total {results.Generated.Values.Sum()}).").AppendLine();

        md.AppendLine("## Kill rate (non-equivalent mutants)").AppendLine();
        md.AppendLine("| configuration | killed / counted | kill rate | equivalent | not run |").AppendLine("|---|---|---|---|---|");
        foreach (var config in results.Mutants.GroupBy(m => m.Config))
        {
            var counted = config.Where(m => m.Counted).ToList();
            md.AppendLine(CultureInfo.InvariantCulture, $"| {config.Key} | {counted.Count(m => m.Killed)} / {counted.Count} | {Pct(PowerRun.KillRate(config))} | {config.Count(m => m.Equivalent is not null)} | {config.Count(m => m.How == "not-run")} |");
        }

        md.AppendLine();
        md.AppendLine("How they were killed: " + string.Join(", ", results.Mutants.Where(m => m.Counted).GroupBy(m => m.Config + " " + m.How).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")) + ".").AppendLine();

        Table(md, "Per call", results, m => m.Call.Length == 0 ? "(any call)" : m.Call);
        Table(md, "Per operator", results, m => m.Operator);
        Table(md, "Per Mconf-Live delta", results.Mutants.Where(m => m.Delta is not null), results.Configs, m => m.Delta!);

        md.AppendLine("## Tolerated transformations (must pass)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{results.Tolerated.Count(t => t.Passed)} of {results.Tolerated.Count} passed.").AppendLine();
        md.AppendLine("| configuration | transformation | result |").AppendLine("|---|---|---|");
        foreach (var t in results.Tolerated)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Config} | {t.Name} | {(t.Passed ? "passed" : "FAILED: " + Cell(string.Join(", ", t.FailedCases) + " " + t.Detail))} |");
        }

        // Honesty checks on the reviewed list and on the suite itself.
        var killedEquivalents = results.Mutants.Where(m => m.Equivalent is not null && m.Killed).ToList();
        md.AppendLine().AppendLine("## Listed as equivalent but killed").AppendLine();
        md.AppendLine(killedEquivalents.Count == 0
            ? "None: every mutant equivalents.json names survived (or did not run)."
            : "A killed mutant is observable: take it off equivalents.json. " + string.Join(", ", killedEquivalents.Select(m => $"`{m.Id}` ({m.Config})"))).AppendLine();
        var crashes = results.Mutants.Where(m => m.How == "aborted" && m.Changes < 0).ToList();
        md.AppendLine("## The suite threw (a suite defect, counted as killed)").AppendLine();
        md.AppendLine(crashes.Count == 0
            ? "None."
            : string.Join("\n", crashes.Select(m => $"- `{m.Id}` ({m.Config}): {Cell(m.Detail ?? "")}"))).AppendLine();

        md.AppendLine().AppendLine("## Surviving mutants").AppendLine();
        foreach (var group in results.Mutants.Where(m => m.SurvivorReason is not null).GroupBy(m => m.Config))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {group.Key}").AppendLine();
            foreach (var reason in group.GroupBy(m => m.SurvivorReason!.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{reason.Key}** ({reason.Count()})").AppendLine();
                md.AppendLine("| mutant | reason |").AppendLine("|---|---|");
                foreach (var m in reason)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| `{m.Id}` | {Cell(m.SurvivorReason!)} (changes: {m.Changes}) |");
                }

                md.AppendLine();
            }
        }

        return md.ToString();
    }

    private static void Table(StringBuilder md, string title, PowerResults results, Func<MutantResult, string> key) =>
        Table(md, title, results.Mutants, results.Configs, key);

    private static void Table(StringBuilder md, string title, IEnumerable<MutantResult> mutants, IReadOnlyList<string> configs, Func<MutantResult, string> key)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        md.AppendLine("| " + title.Replace("Per ", "", StringComparison.Ordinal) + " | " + string.Join(" | ", configs.Select(c => c + " killed/counted")) + " |");
        md.AppendLine("|---|" + string.Concat(configs.Select(_ => "---|")));
        foreach (var group in mutants.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = configs.Select(c =>
            {
                var counted = group.Where(m => m.Config == c && m.Counted).ToList();
                return counted.Count == 0 ? "-" : $"{counted.Count(m => m.Killed)}/{counted.Count} ({Pct(PowerRun.KillRate(counted))})";
            });
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {string.Join(" | ", cells)} |");
        }

        md.AppendLine();
    }

    private static string Pct(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
