namespace Mconf.Conformance.Runner.Cli;

/// <summary>The text of <c>--help</c>.</summary>
internal static class HelpText
{
    public static string For(string kitVersion) => $$"""
        mconf-conformance {{kitVersion}}: certifies a server against the Mconf-Live API (BigBlueButton 0.9 + Mconf-Live deltas)

        Usage:
          run-conformance.sh [options]                 certify the embedded fake (no options) or --target
          run-conformance.sh --list [--only G] [--skip G] [--tier T]
          run-conformance.sh compare [--out FILE] DIR|results.json...

        Target:
          --target URL          base URL of the server, e.g. https://host/bigbluebutton (with or without /api);
                                default: the kit's embedded fake, started in-process
          --secret SECRET       shared secret of --target; better: set MCONF_TARGET__SECRET, which keeps it out of
                                the shell history. Never printed nor written to a report
          --checksum ALG        sha1 (default; BBB 0.9 and Mconf-Live accept only this), sha256, sha384, sha512
          --timeout SECONDS     per request, and so the longest wait for an unreachable target (default {{RunSettings.DefaultTimeoutSeconds}})
          --fake-flavour NAME   embedded fake only: mconf-live (default) or bbb-0.9 (plain BBB 0.9, no deltas)

        Selection:
          --tier TIER           lifecycle (default: may create and end its own meetings) or read-only (observes only)
          --only GLOB           run only case IDs matching GLOB (* = any characters); repeat or comma-separate
          --skip GLOB           leave out case IDs matching GLOB; repeat or comma-separate
          --list                print the selected case IDs and titles, run nothing
          --parallel N          cases run at once (default {{RunSettings.DefaultParallelism}})

        Results:
          --known-failing FILE  expected failures by case ID or glob, one per line: "<id-or-glob> <reason>"
                                (# comments), or a .json object {"<id-or-glob>": "<reason>"}. A listed case that
                                fails is reported known-failing and allowed; one that passes fails the run as stale
          --out DIR             reports root (default ./reports): writes DIR/<run-id>/ results.json, junit.xml,
                                report.html, summary.md, and points DIR/latest at it
          --help, --version

        Compare:
          compare DIR...        one HTML matrix of cases x targets from several runs (report folders or their
                                results.json), e.g. a candidate next to a reference; --out FILE (default
                                <reports root>/compare.html)

        Environment: MCONF_TARGET__URL, MCONF_TARGET__SECRET, MCONF_TARGET__CHECKSUM, MCONF_TARGET__TIMEOUT,
          MCONF_RUN__TIER, MCONF_RUN__OUT, MCONF_RUN__KNOWNFAILING, MCONF_RUN__ONLY, MCONF_RUN__SKIP (options win).

        Exit codes: 0 conformant (inconclusive and known-failing allowed), 1 not conformant,
          2 could not run (unreachable, not BigBlueButton, secret rejected, bad option, nothing ran).
        """;
}
