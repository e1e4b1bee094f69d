using System.Globalization;
using System.Text;
using Mconf.Conformance.Model;
using static Mconf.Conformance.Runner.Reports.HtmlPage;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>The side-by-side page: one matrix of cases × targets from several results.json (as Autobahn|Testsuite's
/// report shows agents side by side), so a candidate server can be read next to a reference. Rows where the
/// targets disagree come first; hovering a cell shows the case's message.</summary>
public static class CompareWriter
{
    public const string DefaultFileName = "compare.html";

    public static string Render(IReadOnlyList<ResultsDocument> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("compare needs at least one run", nameof(runs));
        }

        var html = new StringBuilder();
        html.Append(Head($"Mconf-Live conformance: {runs.Count} targets side by side"));
        html.Append(CultureInfo.InvariantCulture, $"<h1>Mconf-Live conformance: {runs.Count} targets side by side</h1>\n");
        Header(html, runs);

        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in runs.SelectMany(r => r.Cases).Select(c => c.Id).Where(seen.Add))
        {
            ids.Add(id);
        }

        var byRun = runs.Select(r => r.Cases.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).ToList();
        var differing = ids.Where(id => byRun.Select(m => m.TryGetValue(id, out var c) ? VerdictNames.Of(c.Verdict) : "absent").Distinct().Count() > 1).ToList();

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"differences\">\n<h2>Where the targets differ ({differing.Count})</h2>\n");
        if (differing.Count == 0)
        {
            html.Append("<p>Every case has the same verdict on every target.</p>\n");
        }
        else
        {
            Matrix(html, runs, byRun, differing, markDifferences: false);
        }

        html.Append("</section>\n");
        Deltas(html, runs);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"all\">\n<h2>All cases ({ids.Count})</h2>\n");
        Matrix(html, runs, byRun, ids, markDifferences: true);
        html.Append("</section>\n<footer>mconf-conformance compare · cells: verdict of the case on that target; “—” = not run there. Secrets and checksums were redacted in each run.</footer>\n");
        html.Append(Foot);
        return html.ToString();
    }

    public static void Write(IReadOnlyList<ResultsDocument> runs, string path) => File.WriteAllText(path, Render(runs), new UTF8Encoding(false));

    private static void Header(StringBuilder html, IReadOnlyList<ResultsDocument> runs)
    {
        html.Append("<table>\n<tr><th>#</th><th>Target</th><th>Flavour</th><th>API</th><th>Verdict</th><th>passed</th><th>failed</th><th>inconclusive</th><th>skipped</th><th>known-failing</th><th>Run</th></tr>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var t = r.Totals;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{i + 1}</td><td>{E(r.Target?.Url ?? "unknown")}{(r.Target?.Embedded == true ? " <span class=\"muted\">(embedded fake)</span>" : "")}</td><td>{E(r.Target?.Flavour ?? "unknown")}</td><td>{E(r.Target?.ApiVersion ?? "?")}</td><td><span class=\"badge {Css(r.Verdict)}\">{E(VerdictNames.Of(r.Verdict))}</span></td><td>{t.Passed}</td><td>{t.Failed}</td><td>{t.Inconclusive}</td><td>{t.Skipped}</td><td>{t.KnownFailing}</td><td><code>{E(r.RunId)}</code><br><span class=\"muted\">{E(r.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} · kit {E(r.KitVersion)}</span></td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Matrix(StringBuilder html, IReadOnlyList<ResultsDocument> runs, List<Dictionary<string, CaseRecord>> byRun, IReadOnlyList<string> ids, bool markDifferences)
    {
        html.Append("<table>\n<tr><th>Case</th><th>Layer</th>");
        for (var i = 0; i < runs.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{E(runs[i].Target?.Url)}\">#{i + 1}</th>");
        }

        html.Append("</tr>\n");
        foreach (var id in ids)
        {
            var cells = byRun.Select(m => m.GetValueOrDefault(id)).ToList();
            var layer = cells.FirstOrDefault(c => c is not null)?.Layer ?? "";
            var differs = markDifferences && cells.Select(c => c is null ? "absent" : VerdictNames.Of(c.Verdict)).Distinct().Count() > 1;
            html.Append(CultureInfo.InvariantCulture, $"<tr{(differs ? " class=\"differs\"" : "")}><th><code>{E(id)}</code></th><td>{E(layer)}</td>");
            foreach (var c in cells)
            {
                html.Append(c is null
                    ? "<td class=\"cell absent\">—</td>"
                    : $"<td class=\"cell {Css(c.Verdict)}\" title=\"{E(c.Message)}\">{E(Short(c.Verdict))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Deltas(StringBuilder html, IReadOnlyList<ResultsDocument> runs)
    {
        var ids = runs.SelectMany(r => r.Deltas).Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var byRun = runs.Select(r => r.Deltas.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"deltas\">\n<h2>Mconf-Live deltas ({ids.Count})</h2>\n<table>\n<tr><th>Delta</th><th>Kind</th>");
        for (var i = 0; i < runs.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{E(runs[i].Target?.Url)}\">#{i + 1}</th>");
        }

        html.Append("</tr>\n");
        foreach (var id in ids)
        {
            var cells = byRun.Select(m => m.GetValueOrDefault(id)).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tr><th><code>{E(id)}</code></th><td>{E(cells.First(c => c is not null)!.Kind)}</td>");
            foreach (var d in cells)
            {
                html.Append(d is null
                    ? "<td class=\"cell absent\">—</td>"
                    : $"<td class=\"cell {E(d.Outcome)}\" title=\"{E(string.Join(", ", d.Cases))}\">{E(d.Outcome)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static string Short(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "pass",
        Verdict.Failed => "FAIL",
        Verdict.Inconclusive => "inconcl.",
        Verdict.Skipped => "skip",
        Verdict.KnownFailing => "known",
        _ => VerdictNames.Of(verdict),
    };
}
