using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;
using static Mconf.Conformance.Runner.Reports.HtmlPage;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>report.html: one self-contained page for people. The verdict and totals first, then the failures
/// with their evidence, then the table of every documented Mconf-Live delta, then the other non-passes and
/// every case. Everything from the target or the spec is HTML-escaped; there is no script.</summary>
public static class HtmlReportWriter
{
    public const string FileName = "report.html";

    /// <summary>Evidence bodies are cut to this many characters on the page (results.json keeps more).</summary>
    public const int MaxBodyChars = 8 * 1024;

    public static string Render(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append(Head($"Mconf-Live conformance: {VerdictNames.Of(document.Verdict)} — {document.Target?.Url ?? "unknown target"}"));
        Banner(html, document);
        Target(html, document);
        Failures(html, document);
        Observations(html, document);
        Deltas(html, document);
        Presence(html, document);
        Exploration(html, document);
        Others(html, document, Verdict.KnownFailing, "Known failing", "listed in the known-failing file: allowed, still failing");
        Others(html, document, Verdict.Inconclusive, "Inconclusive", "nothing on the target to observe; not a pass");
        Others(html, document, Verdict.Skipped, "Skipped", "not applicable to this run");
        AllCases(html, document);
        html.Append(CultureInfo.InvariantCulture,
            $"<footer>mconf-conformance {E(document.KitVersion)} · run {E(document.RunId)} · the shared secret and every checksum are redacted (<code>***</code>).</footer>\n");
        html.Append(Foot);
        return html.ToString();
    }

    public static void Write(ResultsDocument document, string path) => File.WriteAllText(path, Render(document), new UTF8Encoding(false));

    private static void Banner(StringBuilder html, ResultsDocument d)
    {
        var t = d.Totals;
        html.Append(CultureInfo.InvariantCulture, $"""
            <header class="banner {Css(d.Verdict)}">
            <h1>{E(Title(d.Verdict))}</h1>
            <p class="line">{E(BannerLine(d))}</p>
            <ul class="totals"><li>{t.Passed} passed</li><li>{t.Failed} failed</li><li>{t.Inconclusive} inconclusive</li><li>{t.Skipped} skipped</li><li>{t.KnownFailing} known-failing</li><li>{t.Total} cases</li><li>Mconf-Live deltas verified: {d.DeltasVerified} of {d.Deltas.Count}</li></ul>
            </header>

            """);
    }

    // The closing line names every failed case; the banner keeps to the count, the list follows below.
    private static string BannerLine(ResultsDocument d) =>
        d.Verdict == RunVerdict.NotConformant && d.Summary.Length > 200
            ? $"not conformant: {d.Totals.Failed} failed (listed below)"
            : d.Summary;

    private static string Title(RunVerdict verdict) => verdict switch
    {
        RunVerdict.Conformant => "Conformant",
        RunVerdict.Incomplete => "Incomplete: not every Mconf-Live delta was verified",
        RunVerdict.NotConformant => "Not conformant",
        RunVerdict.Interrupted => "Interrupted: partial report of the cases that finished",
        _ => "Could not run",
    };

    private static void Target(StringBuilder html, ResultsDocument d)
    {
        var t = d.Target;
        var o = d.Options;
        html.Append("<section id=\"target\">\n<h2>Target and run</h2>\n<table class=\"kv\">\n");
        Row(html, "Target", t is null ? "unknown (the preflight did not get an answer)" : t.Url + (t.Embedded ? " (the kit's embedded fake)" : ""));
        Row(html, "Flavour", t is null ? "unknown" : FlavourText(t.Flavour));
        Row(html, "API version", t?.ApiVersion ?? "unknown");
        Row(html, "Checksum", o.Checksum);
        Row(html, "Tier", o.Tier);
        Row(html, "Selection", $"only: {(o.Only.Count == 0 ? "all" : string.Join(", ", o.Only))}; skip: {(o.Skip.Count == 0 ? "none" : string.Join(", ", o.Skip))}");
        Row(html, "Known-failing file", o.KnownFailingFile ?? "none");
        Row(html, "Run", $"{d.RunId}, started {d.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}, {d.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {o.Parallelism} in parallel, timeout {o.TimeoutSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        Row(html, "Kit", "mconf-conformance " + d.KitVersion);
        if (d.AbortReason is not null)
        {
            Row(html, d.Verdict == RunVerdict.Interrupted ? "Interrupted" : "Could not run", d.AbortReason);
        }

        if (d.Verdict == RunVerdict.Interrupted)
        {
            Row(html, "Cases run", $"{d.Cases.Count} of {d.CasesSelected} selected finished before the run was stopped");
        }

        if (d.Footprint is { } f)
        {
            Row(html, "Footprint", FootprintText.Of(f));
        }

        if (d.EarlierRunMeetings.Count > 0)
        {
            Row(html, "Earlier runs' meetings", FootprintText.Earlier(d.EarlierRunMeetings));
        }

        if (d.Speed is { } speed)
        {
            Row(html, "Target speed", speed.Line() + (speed.Slowest.Count == 0 ? "" : "; slowest calls: " + speed.SlowestText(5)));
        }

        if (d.LeftoverMeetings.Count > 0)
        {
            Row(html, "Left on the target", $"{d.LeftoverMeetings.Count} meeting(s) of this run still listed after cleanup: {string.Join(", ", d.LeftoverMeetings)}");
        }

        html.Append("</table>\n</section>\n");
    }

    private static string FlavourText(string flavour) => flavour switch
    {
        "mconf-live" => "Mconf-Live (shows the Mconf-Live deltas)",
        "bbb-0.9" => "plain BigBlueButton 0.9 (shows no Mconf-Live delta)",
        _ => flavour,
    };

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");

    private static void Failures(StringBuilder html, ResultsDocument d)
    {
        var failed = d.Cases.Where(c => c.Verdict == Verdict.Failed).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"failures\">\n<h2>Failures ({failed.Count})</h2>\n");
        if (failed.Count == 0)
        {
            html.Append(d.Cases.Count == 0 ? "<p class=\"muted\">No case ran.</p>\n" : "<p>No case failed.</p>\n");
        }

        foreach (var c in failed)
        {
            CaseBlock(html, c, openEvidence: true);
        }

        html.Append("</section>\n");
    }

    private static void CaseBlock(StringBuilder html, CaseRecord c, bool openEvidence)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <article class="case {Css(c.Verdict)}" id="{E(Anchor(c.Id))}">
            <h3><code>{E(c.Id)}</code> {E(c.Title)} <span class="badge">{E(VerdictNames.Of(c.Verdict))}</span></h3>
            {Message(c.Message)}
            <dl>
            <dt>Requirement</dt><dd>{E(c.Requirement)}</dd>
            <dt>Action</dt><dd>{E(c.Action)}</dd>
            <dt>Spec</dt><dd><code>{E(c.Spec.Id)}</code> — {E(c.Spec.Doc)} {E(c.Spec.Section)}{(c.Spec.Quote.Length > 0 ? ": “" + E(c.Spec.Quote) + "”" : "")}</dd>
            <dt>Case</dt><dd>layer {E(c.Layer)}, call {E(c.Call)}, check {E(c.Kind)}, tier {E(c.Tier)}, {c.DurationMs.ToString("0", CultureInfo.InvariantCulture)} ms</dd>
            </dl>

            """);
        foreach (var e in c.Evidence)
        {
            ExchangeBlock(html, e, openEvidence);
        }

        if (c.Evidence.Count == 0)
        {
            html.Append("<p class=\"muted\">No HTTP exchange recorded.</p>\n");
        }

        html.Append("</article>\n");
    }

    /// <summary>One exchange: the request line and status as a summary, the answer (XML indented, cut) inside.</summary>
    private static void ExchangeBlock(StringBuilder html, ExchangeRecord e, bool open)
    {
        var pretty = PrettyXml(e.Body);
        var body = pretty is null ? "" : pretty.Length <= MaxBodyChars ? pretty : pretty[..MaxBodyChars] + $"\n… ({pretty.Length - MaxBodyChars} more characters in results.json)";
        html.Append(CultureInfo.InvariantCulture, $"""
            <details{(open ? " open" : "")}><summary>{E(e.Method)} {E(e.Url)} → {e.Status} {E(e.ContentType)}{(e.Location is null ? "" : " → " + E(e.Location))}</summary>
            <pre>{E(body)}</pre></details>

            """);
    }

    /// <summary>The --explore tier: what it ran and, when an invariant broke, the minimal sequence step by step with
    /// each step's exact requests and answers.</summary>
    private static void Exploration(StringBuilder html, ResultsDocument d)
    {
        if (d.Exploration is not { } x)
        {
            return;
        }

        var cut = x.Message.IndexOf('\n', StringComparison.Ordinal);
        html.Append(CultureInfo.InvariantCulture, $"""
            <section id="exploration">
            <h2>Exploration: <a href="#{E(Anchor(x.CaseId))}"><code>{E(x.CaseId)}</code></a> <span class="badge {Css(x.Verdict)}">{E(VerdictNames.Of(x.Verdict))}</span></h2>
            <p class="msg">{E(cut < 0 ? x.Message : x.Message[..cut])}</p>
            <table class="kv">

            """);
        Row(html, "Sequences", $"{x.SequencesRun} run, {x.SequencesPlanned} planned (at most {x.MaxSteps} steps each{(x.Presence ? ", presence steps through the fake's control surface" : "")})");
        Row(html, "Requests", $"{x.RequestsSent} of at most {x.RequestBudget}{(x.BudgetSpent ? " (budget spent)" : "")}, shrinking and cleanup included");
        Row(html, "Seed", x.Seed);
        Row(html, "Meetings", $"prefixed {x.MeetingPrefix}, ended after each sequence{(x.LeftoverMeetings.Count == 0 ? "" : $"; could not end: {string.Join(", ", x.LeftoverMeetings)}")}");
        Row(html, "Duration", $"{x.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        if (x.Error is not null)
        {
            Row(html, "Stopped", x.Error);
        }

        html.Append("</table>\n");
        if (x.Steps.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Minimal sequence ({x.Steps.Count} steps); the invariant broke at step {x.BrokenAtStep}</h3>\n<p class=\"msg\">{E(x.Invariant)}</p>\n<ol class=\"steps\">\n");
            foreach (var step in x.Steps)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(step.Step)}</code>{(step.Note is null ? "" : $" <span class=\"muted\">({E(step.Note)})</span>")}\n");
                foreach (var e in step.Exchanges)
                {
                    ExchangeBlock(html, e, open: true);
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>An XML body indented for reading (servers send one long line); anything else as it came.</summary>
    internal static string? PrettyXml(string? body)
    {
        if (body is null || !body.TrimStart().StartsWith('<'))
        {
            return body;
        }

        try
        {
            return XDocument.Parse(body, LoadOptions.None).ToString(SaveOptions.None);
        }
        catch (System.Xml.XmlException)
        {
            return body;
        }
    }

    private static void Presence(StringBuilder html, ResultsDocument d)
    {
        if (d.Presence is not { } p)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <section id="presence">
            <h2>Presence session ({E(p.Mode)}, {p.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)</h2>
            <p>Meeting <code>{E(p.MeetingId ?? "none")}</code>. Each step asked for something only a client can do, then getMeetingInfo and getMeetings were polled until it showed; the checks compare what was asked with what the target said.</p>
            <table class="fixed">
            <colgroup><col style="width: 14%"><col style="width: 22%"><col style="width: 9%"><col style="width: 6%"><col style="width: 31%"><col style="width: 18%"></colgroup>
            <tr><th>Step</th><th>Asked</th><th>Outcome</th><th>ms</th><th>Observed</th><th>Deltas verified</th></tr>

            """);
        foreach (var step in p.Steps)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{E(step.Action)}</code><br><span class=\"muted\">{E(step.User)}</span></td><td>{E(step.Instruction)}{(step.JoinUrl is null ? "" : $"<br><span class=\"muted\">{E(step.JoinUrl)}</span>")}</td>" +
                $"<td><span class=\"badge {E(step.Status.Text())}\">{E(step.Status.Text())}</span>{(step.Reason is null ? "" : $"<br>{E(step.Reason)}")}</td><td>{step.DurationMs.ToString("0", CultureInfo.InvariantCulture)}</td>" +
                $"<td>{E(step.Observed)}</td><td>{(step.VerifiedDeltas.Count == 0 ? "<span class=\"muted\">none</span>" : string.Join("<br>", step.VerifiedDeltas.Select(v => $"<code>{E(v)}</code>")))}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    // A message's first line is the finding; what follows (the engine's request/response excerpt) is preformatted.
    private static string Message(string message)
    {
        var cut = message.IndexOf('\n', StringComparison.Ordinal);
        return cut < 0
            ? $"<p class=\"msg\">{E(message)}</p>"
            : $"<p class=\"msg\">{E(message[..cut])}</p>\n<pre>{E(message[(cut + 1)..])}</pre>";
    }

    private static void Deltas(StringBuilder html, ResultsDocument d)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <section id="deltas">
            <h2>Mconf-Live deltas: verified {d.DeltasVerified} of {d.Deltas.Count}</h2>
            <p>Every change the Mconf-Live API documents over BigBlueButton 0.9 (the wiki, and fields the server returns that the wiki omits), the cases that verify it and their joint outcome (worst first). Verified: none of its cases failed and a passing case observed a value of it (shown: which answer, which record, which value); a case that passed without observing one verifies nothing. Otherwise why not, and the command that would verify it.</p>
            <table class="fixed">
            <colgroup><col style="width: 20%"><col style="width: 7%"><col style="width: 20%"><col style="width: 4%"><col style="width: 27%"><col style="width: 22%"></colgroup>
            <tr><th>Delta</th><th>Kind</th><th>What</th><th>In wiki</th><th>Cases</th><th>Outcome</th></tr>

            """);
        var verdicts = d.Cases.ToDictionary(c => c.Id, c => c.Verdict, StringComparer.Ordinal);
        foreach (var delta in d.Deltas)
        {
            var cases = delta.Cases.Count == 0
                ? "<span class=\"muted\">no case in the kit</span>"
                : string.Join("<br>", delta.Cases.Select(id => verdicts.TryGetValue(id, out var v)
                    ? $"<a href=\"#{E(Anchor(id))}\"><code>{E(id)}</code></a> <span class=\"badge {Css(v)}\">{E(VerdictNames.Of(v))}</span>"
                    : $"<code>{E(id)}</code> <span class=\"muted\">not run</span>"));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{E(delta.Id)}</code></td><td>{E(delta.Kind)}</td><td>{E(delta.Description)}<br><span class=\"muted\">{E(delta.Source)}</span></td><td>{(delta.InWiki ? "yes" : "no")}</td><td>{cases}</td><td><span class=\"badge {E(delta.Outcome)}\">{E(delta.Outcome)}</span> <span class=\"badge {(delta.Verified ? "verified" : "unverified")}\">{(delta.Verified ? "verified" : "unverified")}</span>{(delta.Verified ? DeltaEvidence(delta) : $"<br>{E(delta.Reason)}<br><span class=\"muted\">verify with:</span> <code>{E(delta.VerifyWith)}</code>")}</td></tr>\n");
        }

        if (d.Deltas.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\" class=\"muted\">The spec lists no Mconf-Live delta.</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    /// <summary>The observed values behind a verified delta: value, record, the case and the answer's request line.</summary>
    private static string DeltaEvidence(DeltaRecord delta)
    {
        if (delta.Evidence.Count == 0)
        {
            return "";
        }

        var more = delta.WitnessCount > delta.Evidence.Count ? $"<br><span class=\"muted\">{delta.WitnessCount - delta.Evidence.Count} more observed value(s) in results.json</span>" : "";
        return "<ul class=\"evidence\">" + string.Concat(delta.Evidence.Select(e =>
            $"<li>observed <code>{E(Shorten(e.Value, 120))}</code>{(e.Record.Length == 0 ? "" : $" in {E(e.Record)}")} <span class=\"muted\">({E(e.Case)}: {E(Shorten(e.Request, 200))})</span></li>")) + "</ul>" + more;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>Legitimate variations the cases saw (guest policy, the videoCount reading, ...): not failures.</summary>
    private static void Observations(StringBuilder html, ResultsDocument d)
    {
        var observed = ObservationList.Of(d);
        if (observed.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"observations\">\n<h2>Observations ({observed.Count})</h2>\n<p class=\"muted\">what this target does differently but legitimately; accepted, not failures (each once, with the cases that saw it)</p>\n<ul>\n");
        foreach (var o in observed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{string.Join(", ", o.Cases.Select(id => $"<code>{E(id)}</code>"))}: {E(o.Text)}</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void Others(StringBuilder html, ResultsDocument d, Verdict verdict, string heading, string meaning)
    {
        var cases = d.Cases.Where(c => c.Verdict == verdict).ToList();
        if (cases.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Css(verdict)}\">\n<h2>{E(heading)} ({cases.Count})</h2>\n<p class=\"muted\">{E(meaning)}</p>\n");
        foreach (var c in cases)
        {
            CaseBlock(html, c, openEvidence: false);
        }

        html.Append("</section>\n");
    }

    private static void AllCases(StringBuilder html, ResultsDocument d)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"all\">\n<h2>All cases ({d.Cases.Count})</h2>\n<table class=\"fixed\">\n<colgroup><col style=\"width: 30%\"><col style=\"width: 22%\"><col style=\"width: 8%\"><col style=\"width: 10%\"><col style=\"width: 5%\"><col style=\"width: 25%\"></colgroup>\n<tr><th>Case</th><th>Title</th><th>Layer</th><th>Verdict</th><th>ms</th><th>Message</th></tr>\n");
        foreach (var c in d.Cases)
        {
            var id = c.Verdict == Verdict.Passed ? $"<code>{E(c.Id)}</code>" : $"<a href=\"#{E(Anchor(c.Id))}\"><code>{E(c.Id)}</code></a>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{id}</td><td>{E(c.Title)}</td><td>{E(c.Layer)}</td><td><span class=\"badge {Css(c.Verdict)}\">{E(VerdictNames.Of(c.Verdict))}</span></td><td>{c.DurationMs.ToString("0", CultureInfo.InvariantCulture)}</td><td>{E(c.Message)}</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    /// <summary>A fragment identifier for a case, one-to-one with IDs (which contain '/', '#', '*').</summary>
    internal static string Anchor(string id)
    {
        var builder = new StringBuilder("case-", id.Length + 5);
        foreach (var ch in id)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '-')
            {
                builder.Append(ch);
            }
            else
            {
                builder.Append('_').Append(((int)ch).ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return builder.ToString();
    }
}
