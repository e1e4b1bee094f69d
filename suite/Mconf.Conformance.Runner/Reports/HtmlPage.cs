using System.Net;
using Mconf.Conformance.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>What the two HTML pages share: escaping, verdict classes and one inline stylesheet (the pages are
/// single files readable offline, with no script).</summary>
internal static class HtmlPage
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Css(Verdict verdict) => VerdictNames.Of(verdict);

    public static string Css(RunVerdict verdict) => verdict switch
    {
        RunVerdict.Conformant => "conformant",
        RunVerdict.Incomplete => "incomplete",
        RunVerdict.NotConformant => "not-conformant",
        RunVerdict.Interrupted => "interrupted",
        _ => "could-not-run",
    };

    public static string Head(string title) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>

        """;

    public const string Foot = "</body>\n</html>\n";

    private const string Style = """
        :root { --pass: #1a7f37; --fail: #cf222e; --inc: #9a6700; --skip: #6e7781; --known: #8250df; --partial: #bc4c00; --line: #d0d7de; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 80rem; color: #1f2328; }
        h1 { margin: 0; font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1rem; margin: 0 0 .3rem; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        pre { background: #f6f8fa; border: 1px solid var(--line); padding: .5rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; max-height: 30rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td code, th code { overflow-wrap: anywhere; }
        table.fixed { table-layout: fixed; }
        .banner { border-radius: .5rem; padding: 1rem 1.25rem; color: #fff; margin-bottom: 1rem; }
        .banner.conformant { background: var(--pass); } .banner.not-conformant { background: var(--fail); } .banner.could-not-run { background: var(--inc); } .banner.incomplete { background: var(--partial); }
        .banner .line { font-family: ui-monospace, monospace; margin: .4rem 0; word-break: break-word; }
        .totals { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
        .totals li { background: rgba(255,255,255,.18); border-radius: 1rem; padding: .1rem .7rem; font-weight: 600; }
        .badge { display: inline-block; border-radius: .8rem; padding: 0 .5rem; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .passed { --c: var(--pass); } .failed { --c: var(--fail); } .inconclusive { --c: var(--inc); } .skipped { --c: var(--skip); }
        .known-failing { --c: var(--known); } .not-run, .no-case { --c: var(--skip); }
        .conformant { --c: var(--pass); } .not-conformant { --c: var(--fail); } .could-not-run { --c: var(--inc); } .incomplete { --c: var(--partial); }
        .verified { --c: var(--pass); } .unverified { --c: var(--partial); } .observed, .done { --c: var(--pass); } .not-observed { --c: var(--fail); }
        .badge { background: var(--c, var(--skip)); }
        td.cell { text-align: center; color: #fff; background: var(--c, #fff); font-weight: 600; font-size: 12px; }
        td.cell.absent { color: var(--skip); background: #fff; font-weight: 400; }
        tr.differs th { background: #fff8c5; }
        .case { border: 1px solid var(--line); border-left: .35rem solid var(--c, var(--skip)); border-radius: .4rem; padding: .6rem .8rem; margin: .7rem 0; }
        .msg { font-weight: 600; white-space: pre-wrap; word-break: break-word; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; } dt { color: var(--skip); } dd { margin: 0; }
        details summary { cursor: pointer; font-family: ui-monospace, monospace; font-size: 12.5px; word-break: break-all; }
        .muted { color: var(--skip); } .kv th { width: 12rem; }
        ul.evidence { margin: .3rem 0 0; padding-left: 1rem; word-break: break-word; }
        footer { margin-top: 3rem; color: var(--skip); font-size: 12px; }
        """;
}
