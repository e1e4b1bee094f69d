namespace Mconf.Conformance.Runner.Tests;

/// <summary>The known-failing rules end to end: listed failures are allowed, a listed case that passes fails the
/// run as stale, a malformed list stops the run.</summary>
public sealed class KnownFailingRunTests
{
    private const string Selection = "getMeetings/*";

    [Test]
    public async Task Certify_EveryFailureListed_ExitsZeroWithThemKnownFailing()
    {
        using var output = new TempDirectory();
        using var target = Targets.PlainBbb09();
        var env = new Dictionary<string, string?> { ["MCONF_TARGET__SECRET"] = target.Secret };
        var first = await RunnerHarness.CertifyAsync(output.Path, env, "--target", target.BaseUrl, "--only", Selection);
        first.ExitCode.ShouldBe(ExitCodes.NotConformant, first.Console);
        var failed = first.Results.Cases.Where(c => c.Verdict == Verdict.Failed).Select(c => c.Id).ToList();
        var list = output.File("known-failing.txt");
        File.WriteAllLines(list, ["# plain BBB 0.9 has no Mconf-Live fields", .. failed.Select(id => $"{id}  plain BBB 0.9 (test)")]);

        var second = await RunnerHarness.CertifyAsync(output.Path, env, "--target", target.BaseUrl, "--only", Selection, "--known-failing", list);

        // Allowed, but a known failure verifies no delta: the run is incomplete, never a certification.
        second.ExitCode.ShouldBe(ExitCodes.Conformant, second.Console);
        second.LastLine.ShouldStartWith("incomplete: no failure, but Mconf-Live deltas verified: 0 of 50");
        var results = second.Results;
        results.Totals.KnownFailing.ShouldBe(failed.Count);
        results.Cases.Where(c => c.Verdict == Verdict.KnownFailing).ShouldAllBe(c => c.Message.StartsWith("known failing (plain BBB 0.9 (test)): "));
        results.Options.KnownFailingFile.ShouldBe(list);
    }

    [Test]
    public async Task Certify_ListedCaseThatPasses_FailsTheRunAsStale()
    {
        using var output = new TempDirectory();
        var list = output.File("known-failing.json");
        File.WriteAllText(list, """{ "getMeetings/response/meetings/meeting/voiceBridge": "we thought it was missing" }""");

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--only", Selection, "--known-failing", list);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        run.LastLine.ShouldBe("not conformant: 1 failed: getMeetings/response/meetings/meeting/voiceBridge");
        run.Results.Cases.Single(c => c.Verdict == Verdict.Failed).Message.ShouldContain("stale known-failing entry");
    }

    [Test]
    public async Task Certify_EntryMatchingNoCase_IsAWarningNotAFailure()
    {
        using var output = new TempDirectory();
        var list = output.File("known-failing.txt");
        File.WriteAllText(list, "getMeetings/response/no-such-field  typo\n");

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--only", Selection, "--known-failing", list);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Stderr.ShouldContain("warning: known-failing entry 'getMeetings/response/no-such-field' (known-failing.txt line 1) matches no case");
    }

    [Test]
    public async Task Certify_MalformedList_ExitsTwo()
    {
        using var output = new TempDirectory();
        var list = output.File("known-failing.txt");
        File.WriteAllText(list, "getStats/*\n");

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--known-failing", list);

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldBe("could not run: known-failing file: known-failing.txt line 1: an entry needs a reason after the case ID (\"<id-or-glob> <reason>\")");
    }

    [Test]
    public async Task Certify_MissingList_ExitsTwo()
    {
        using var output = new TempDirectory();

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--known-failing", output.File("absent.txt"));

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldStartWith("could not run: cannot read the known-failing file");
    }
}
