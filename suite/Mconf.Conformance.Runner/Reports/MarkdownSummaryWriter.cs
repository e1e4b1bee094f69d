using System.Globalization;
using System.Text;
using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>summary.md: a short Markdown summary to paste into a pull-request comment. Text from the target
/// (messages) goes into code spans, so a server's answer cannot inject Markdown or HTML.</summary>
public static class MarkdownSummaryWriter
{
    public const string FileName = "summary.md";

    /// <summary>Lists longer than this end with "and N more" (the HTML report has them all).</summary>
    public const int MaxListed = 15;

    public static string Render(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        var icon = document.Verdict switch
        {
            RunVerdict.Conformant => "✅",
            RunVerdict.Incomplete => "🟡",
            RunVerdict.NotConformant => "❌",
            RunVerdict.Interrupted => "⏹️",
            _ => "⚠️",
        };
        md.Append(CultureInfo.InvariantCulture, $"### {icon} Mconf-Live conformance: {VerdictNames.Of(document.Verdict)}\n\n");
        // The closing line names every failed case; here the count will do, the list follows.
        var line = document.Verdict == RunVerdict.NotConformant && document.Summary.Length > 200
            ? $"not conformant: {document.Totals.Failed} failed (listed below)"
            : document.Summary;
        md.Append(CultureInfo.InvariantCulture, $"{Code(line)}\n\n");
        var target = document.Target;
        md.Append("| target | flavour | API version | checksum | tier | kit | run |\n|---|---|---|---|---|---|---|\n");
        md.Append(CultureInfo.InvariantCulture,
            $"| {Cell(target?.Url ?? "unknown")}{(target?.Embedded == true ? " (embedded fake)" : "")} | {Cell(target?.Flavour ?? "unknown")} | {Cell(target?.ApiVersion ?? "?")} | {Cell(document.Options.Checksum)} | {Cell(document.Options.Tier)} | {Cell(document.KitVersion)} | {Cell(document.RunId)} |\n\n");

        var t = document.Totals;
        md.Append("| passed | failed | inconclusive | skipped | known-failing | total |\n|---:|---:|---:|---:|---:|---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| {t.Passed} | {t.Failed} | {t.Inconclusive} | {t.Skipped} | {t.KnownFailing} | {t.Total} |\n");

        if (document.Verdict == RunVerdict.Interrupted)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Interrupted**: {document.Cases.Count} of {document.CasesSelected} selected cases finished before the run was stopped; this report holds them only.\n");
        }

        if (document.Footprint is { } footprint)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Footprint on the target**: {Code(FootprintText.Of(footprint))}\n");
        }

        if (document.EarlierRunMeetings.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Earlier runs' meetings** still on the target: {Code(FootprintText.Earlier(document.EarlierRunMeetings))}\n");
        }

        List(md, "Failed", document.Cases.Where(c => c.Verdict == Verdict.Failed).ToList());
        List(md, "Known failing", document.Cases.Where(c => c.Verdict == Verdict.KnownFailing).ToList());
        List(md, "Inconclusive", document.Cases.Where(c => c.Verdict == Verdict.Inconclusive).ToList());
        // Each variation once, with the cases that saw it (several cases of one delta see the same one).
        var observed = ObservationList.Of(document)
            .Select(o => $"- {string.Join(", ", o.Cases.Take(3).Select(id => Code(id)))}{(o.Cases.Count > 3 ? $" and {o.Cases.Count - 3} more" : "")}: {Code(Shorten(o.Text, 200))}")
            .ToList();
        if (observed.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Observations** ({observed.Count}; legitimate variations, not failures):\n\n");
            md.AppendJoin('\n', observed.Take(MaxListed)).Append('\n');
            if (observed.Count > MaxListed)
            {
                md.Append(CultureInfo.InvariantCulture, $"- … and {observed.Count - MaxListed} more\n");
            }
        }

        if (document.Deltas.Count > 0)
        {
            var byOutcome = document.Deltas.GroupBy(d => d.Outcome, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key}");
            md.Append(CultureInfo.InvariantCulture, $"\n**Mconf-Live deltas verified: {document.DeltasVerified} of {document.Deltas.Count}** (outcomes: {string.Join(", ", byOutcome)}).\n");
            Evidence(md, document.Deltas.Where(d => d.Verified).ToList());
            var unverified = document.Deltas.Where(d => !d.Verified).ToList();
            if (unverified.Count > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n**Unverified deltas** ({unverified.Count}):\n\n");
                foreach (var delta in unverified.Take(MaxListed))
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {Code(delta.Id)}: {Code(Shorten(delta.Reason ?? "", 160))}; verify with {Code(delta.VerifyWith ?? "")}\n");
                }

                if (unverified.Count > MaxListed)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- … and {unverified.Count - MaxListed} more\n");
                }
            }
        }

        if (document.Presence is { } presence)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Presence session** ({Code(presence.Mode)}, {presence.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s): ");
            md.Append(string.Join(", ", presence.Steps.Select(s => $"{Code(s.Action)} {s.Status.Text()} ({s.VerifiedDeltas.Count} deltas)"))).Append(".\n");
        }

        Exploration(md, document);

        if (document.Speed is { } speed)
        {
            md.Append("\n**Target speed**: ").Append(speed.Line()).Append(speed.Slowest.Count == 0 ? "" : "; slowest calls: " + speed.SlowestText(3)).Append(".\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\nDetails, with the evidence of every failure: `report.html` in the run's report folder ({Code(document.RunId)}).\n");
        return md.ToString();
    }

    /// <summary>Every verified delta with one observed value behind it (answer, record, value), folded so the
    /// comment stays short; report.html and results.json have a few more.</summary>
    private static void Evidence(StringBuilder md, IReadOnlyList<DeltaRecord> verified)
    {
        if (verified.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n<details><summary>Evidence: the observed value behind each verified delta ({verified.Count})</summary>\n\n");
        foreach (var delta in verified)
        {
            if (delta.Evidence.FirstOrDefault() is not { } e)
            {
                continue;
            }

            var record = e.Record.Length == 0 ? "" : $" in {Code(Shorten(e.Record, 120))}";
            md.Append(CultureInfo.InvariantCulture, $"- {Code(delta.Id)}: {Code(Shorten(e.Value, 80))}{record}, from {Code(Shorten(e.Request, 160))}\n");
        }

        md.Append("\n</details>\n");
    }

    public static void Write(ResultsDocument document, string path) => File.WriteAllText(path, Render(document), new UTF8Encoding(false));

    /// <summary>Answer bodies are cut to this many characters in the summary (report.html and results.json keep more).</summary>
    public const int MaxBodyChars = 4 * 1024;

    /// <summary>The --explore tier in a line; when an invariant broke, the minimal sequence step by step with its
    /// request lines, and (folded) the exact requests and answers, each answer in a code block.</summary>
    private static void Exploration(StringBuilder md, ResultsDocument document)
    {
        if (document.Exploration is not { } x)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture,
            $"\n**Exploration** ({Code(x.CaseId)} {VerdictNames.Of(x.Verdict)}): {x.SequencesRun} sequences run ({x.SequencesPlanned} planned), {x.RequestsSent} requests (budget {x.RequestBudget}), seed {Code(x.Seed)}");
        if (x.Steps.Count == 0)
        {
            md.Append(CultureInfo.InvariantCulture, $": {Code(Shorten(Judgement.Finding(x.Message, x.CaseId), 300))}\n");
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $". Broken at step {x.BrokenAtStep} of the minimal sequence ({x.Steps.Count} steps): {Code(x.Invariant ?? "")}\n\n");
        foreach (var step in x.Steps)
        {
            md.Append(CultureInfo.InvariantCulture, $"{step.Number}. {Code(step.Step)}{(step.Note is null ? "" : $" ({Code(step.Note)})")}");
            md.Append(string.Concat(step.Exchanges.Select(e => $"<br>{Code($"{e.Method} {e.Url}")} → {e.Status}")));
            md.Append('\n');
        }

        md.Append("\n<details><summary>The minimal sequence's requests and answers</summary>\n\n");
        foreach (var step in x.Steps)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{step.Number}. {Code(step.Step)}**{(step.Exchanges.Count == 0 ? $": {Code(step.Note ?? "nothing sent")}" : "")}\n\n");
            foreach (var e in step.Exchanges)
            {
                md.Append(CultureInfo.InvariantCulture, $"{Code($"{e.Method} {e.Url}")} → {e.Status} {Code(e.ContentType ?? "")}\n\n");
                if (!string.IsNullOrEmpty(e.Body))
                {
                    var body = e.Body.Length <= MaxBodyChars ? e.Body : e.Body[..MaxBodyChars] + $"\n… ({e.Body.Length - MaxBodyChars} more characters in results.json)";
                    var fence = new string('`', Math.Max(3, LongestRun(body, '`') + 1));
                    md.Append(CultureInfo.InvariantCulture, $"{fence}\n{body.TrimEnd()}\n{fence}\n\n");
                }
            }
        }

        md.Append("</details>\n");
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static void List(StringBuilder md, string heading, IReadOnlyList<CaseRecord> cases)
    {
        if (cases.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n**{heading}** ({cases.Count}):\n\n");
        foreach (var c in cases.Take(MaxListed))
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Code(c.Id)}: {Code(Shorten(Judgement.Finding(c.Message, c.Id), 200))}\n");
        }

        if (cases.Count > MaxListed)
        {
            md.Append(CultureInfo.InvariantCulture, $"- … and {cases.Count - MaxListed} more\n");
        }
    }

    /// <summary>A code span that survives any content (a double-backtick fence when the text has backticks);
    /// in a table cell, pipes are escaped too.</summary>
    private static string Code(string text, bool inTable = false)
    {
        var flat = Judgement.OneLine(text);
        if (flat.Length == 0)
        {
            return "—";
        }

        if (inTable)
        {
            flat = flat.Replace("|", "\\|", StringComparison.Ordinal);
        }

        return flat.Contains('`', StringComparison.Ordinal) ? $"`` {flat} ``" : $"`{flat}`";
    }

    private static string Cell(string text) => Code(text, inTable: true);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
