using System.CommandLine;

namespace Mconf.Conformance.Runner.Cli;

/// <summary><c>--help</c>: System.CommandLine's help for the command asked about (so it always lists exactly the
/// options the parser reads), then what it cannot say: environment variables, the presence driver contract and
/// the exit codes.</summary>
internal static class HelpText
{
    public static void Write(IReadOnlyList<string> args, string kitVersion, TextWriter output)
    {
        output.WriteLine($"mconf-conformance {kitVersion}");
        CliParser.Root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        output.Write(Epilogue);
        output.WriteLine();
    }

    private const string Epilogue = """
        Examples:
          run-conformance.sh                                        certify the embedded fake
          run-conformance.sh --target https://host/bigbluebutton    with MCONF_TARGET__SECRET set
          run-conformance.sh --target URL --presence                a person walks through the presence session
          run-conformance.sh --target URL --presence-driver ./my-bot.sh   a program does (driver contract below)
          run-conformance.sh --presence-driver suite/drivers/fake-driver.sh   the embedded fake, driven over /fake/
          run-conformance.sh compare reports/<run-a> reports/<run-b>
          run-conformance.sh cleanup --target URL --dry-run            meetings earlier (killed) runs left, by run and age
          run-conformance.sh cleanup --target URL --run-id <run-id>    end that run's meetings (nothing else is touched)

        Environment (options win): every option's key as MCONF_<SECTION>__<NAME>: MCONF_TARGET__URL,
          MCONF_TARGET__SECRET, MCONF_TARGET__CHECKSUM, MCONF_TARGET__TIMEOUT, MCONF_TARGET__LISTTIMEOUT,
          MCONF_TARGET__MAXBODY, MCONF_RUN__TIER, MCONF_RUN__PARALLEL, MCONF_RUN__ONLY, MCONF_RUN__SKIP, MCONF_RUN__OUT,
          MCONF_RUN__KNOWNFAILING, MCONF_RUN__REQUIRECOMPLETE, MCONF_RUN__MAXLIVEMEETINGS, MCONF_RUN__MAXRATE,
          MCONF_RUN__EXPLORE, MCONF_FAKE__FLAVOUR, MCONF_PRESENCE__GUIDED, MCONF_PRESENCE__DRIVER,
          MCONF_PRESENCE__TIMEOUT, MCONF_PRESENCE__SKIP, MCONF_PRESENCE__RECORDINGSWAIT; and without an option:
          MCONF_RUN__ID, MCONF_RUN__SEED, MCONF_RUN__MEETINGPREFIX. The same keys as the NUnit suite (suite/README.md).

        Presence driver contract: the runner calls COMMAND once per step as
          COMMAND ACTION JOIN_URL USER_ID MEETING_ID
        (also in MCONF_PRESENCE_ACTION, _JOIN_URL, _USER, _FULL_NAME, _MEETING_ID; run by /bin/sh, so COMMAND may
        carry arguments) and waits for it to exit: 0 = done,
        anything else = the step is skipped (its deltas stay unverified; the first stderr line is the reason).
        Actions: join-moderator-voice, join-viewer-listen-only, share-webcam, share-second-webcam, make-presenter,
        join-guest, accept-guest, meeting-ended; and connect (generic: open the join link in a client, for the
        cases that need a connected attendee). A driver keeps each user's client connected until meeting-ended
        for its meeting (sent once per meeting).

        Exit codes: 0 conformant, or incomplete (no failure, some delta unverified; 3 with --require-complete),
          1 not conformant, 2 could not run (unreachable, not BigBlueButton, secret rejected, bad option, nothing ran),
          4 interrupted (SIGTERM, SIGINT or SIGHUP: the run's meetings were ended, partial reports written).
        """;
}
