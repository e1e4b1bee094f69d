namespace Mconf.Conformance.Runner.Tests;

/// <summary>The exit codes of design.md, each with its closing line, through the in-process entry point.</summary>
public sealed class RunnerExitCodeTests : TempFolderPerTest
{
    [Test]
    public async Task Certify_PlainBbb09Target_ExitsOneAndNamesEachMissingDelta()
    {
        using var target = Targets.PlainBbb09();

        // The secret comes from the environment, as the README recommends, not from the command line.
        var run = await RunnerHarness.CertifyAsync(Folder.Path,
            new Dictionary<string, string?> { ["MCONF_TARGET__SECRET"] = target.Secret },
            "--target", target.BaseUrl);

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        run.LastLine.ShouldStartWith("not conformant: ");
        var results = run.Results;
        var failed = results.Cases.Where(c => c.Verdict == Verdict.Failed).ToList();
        failed.ShouldNotBeEmpty();
        // Only Mconf-Live cases, or cases of a call Mconf-Live added (getStats answers 404 on BBB 0.9, so even its
        // returncode case, a bbb-0.9 element, fails there).
        var newCalls = SpecCatalog.Load().Calls.Where(c => c.Origin == Origin.MconfLive).Select(c => c.Name).ToHashSet();
        failed.ShouldAllBe(c => c.Layer == "mconf-live" || newCalls.Contains(c.Call), "a plain BBB 0.9 server must fail only Mconf-Live cases");
        foreach (var c in failed)
        {
            run.LastLine.ShouldContain(c.Id);
        }

        results.Target!.Flavour.ShouldBe("bbb-0.9");
        var missing = results.Deltas.Where(d => d.Outcome == "failed").ToList();
        missing.ShouldNotBeEmpty();
        missing.ShouldAllBe(d => d.Cases.Any(id => run.LastLine.Contains(id)));
    }

    [Test]
    public async Task Certify_EmbeddedFakeAsPlainBbb09_ExitsOne()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--fake-flavour", "bbb-0.9", "--only", "getMeetings/*");

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        run.LastLine.ShouldContain("getMeetings/response/meetings/meeting/voiceBridge");
    }

    [Test]
    public async Task Certify_UnreachablePort_ExitsTwoWithinTheTimeout()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", Targets.UnreachableUrl(), "--secret", "any", "--timeout", "5");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.LastLine.ShouldStartWith("could not run: ");
        run.LastLine.ShouldContain("cannot be reached");
    }

    [Test]
    public async Task Certify_WrongSecret_ExitsTwoSayingSo()
    {
        using var target = Targets.MconfLive();

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", "not-the-secret");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.LastLine.ShouldStartWith("could not run: ");
        run.LastLine.ShouldContain("rejected the shared secret");
        run.Console.ShouldNotContain("not-the-secret");
    }

    [Test]
    public async Task Certify_HtmlPageInsteadOfTheApi_ExitsTwoSayingItIsNotTheApi()
    {
        using var server = Targets.HtmlPage();

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", server.Url + "/bigbluebutton", "--secret", "any");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.LastLine.ShouldStartWith("could not run: ");
        run.LastLine.ShouldContain("did not answer XML");
    }

    [Test]
    public async Task Certify_CouldNotRun_StillWritesReportsThatSayWhy()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", Targets.UnreachableUrl(), "--secret", "any", "--timeout", "5");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        var results = run.Results;
        results.Verdict.ShouldBe(RunVerdict.CouldNotRun);
        results.Summary.ShouldBe(run.LastLine);
        File.ReadAllText(Path.Combine(run.ReportFolder!, "junit.xml")).ShouldContain("<error message=");
    }

    [Test]
    public async Task Certify_Sha256_SignsWithItAndSaysSo()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--checksum", "sha256", "--only", "getMeetings/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Results.Options.Checksum.ShouldBe("sha256");
        run.Results.Target!.Checksum.ShouldBe("sha256");
    }

    [Test]
    public async Task Certify_Sha256OnASha1OnlyServer_ExitsTwoWithAHint()
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(sha1Only: true));

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret, "--checksum", "sha256");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.LastLine.ShouldContain("SHA-1 only");
    }

    [Test]
    public async Task Certify_ReadOnlyTier_SkipsLifecycleCasesAndStillPasses()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--tier", "read-only", "--only", "getMeetings/*,create/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        var results = run.Results;
        results.Cases.Where(c => c.Tier == CaseTierNames.Lifecycle).ShouldAllBe(c => c.Verdict == Verdict.Skipped);
        results.Totals.Skipped.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Run_BadOption_ExitsTwoAndWritesNothing()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--bogus");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldBe("could not run: unknown option '--bogus' (see --help)");
        Directory.GetFileSystemEntries(Folder.Path).ShouldBeEmpty();
    }

    [Test]
    public async Task Run_TargetWithoutSecret_ExitsTwo()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", "http://127.0.0.1:9/bigbluebutton");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldStartWith("could not run: no shared secret");
    }

    [Test]
    public async Task Run_SelectionMatchingNothing_ExitsTwo_NothingRanIsNoPass()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--only", "no/such/case");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        run.LastLine.ShouldStartWith("could not run: no case ran");
    }

    [Test]
    public async Task List_PrintsEveryCaseIdAndTitle_RunsNothing()
    {
        var run = await RunnerHarness.InvokeAsync(Folder.Path, null, "--list");

        run.ExitCode.ShouldBe(ExitCodes.Conformant);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(CaseCatalog.All.Count);
        foreach (var c in CaseCatalog.All)
        {
            lines.ShouldContain(l => l.StartsWith(c.Id + " ", StringComparison.Ordinal) && l.EndsWith(c.Title, StringComparison.Ordinal));
        }

        Directory.GetFileSystemEntries(Folder.Path).ShouldBeEmpty();
    }

    [Test]
    public async Task List_ReadOnlyTier_LeavesOutLifecycleCases()
    {
        var run = await RunnerHarness.InvokeAsync(Folder.Path, null, "--list", "--tier", "read-only");

        run.ExitCode.ShouldBe(ExitCodes.Conformant);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(CaseCatalog.All.Count(c => c.Tier == CaseTier.ReadOnly));
    }

    [Test]
    public async Task Help_ExitsZeroAndNamesEveryOption()
    {
        var run = await RunnerHarness.InvokeAsync(Folder.Path, null, "--help");

        run.ExitCode.ShouldBe(ExitCodes.Conformant);
        foreach (var option in new[] { "--target", "--secret", "--checksum", "--tier", "--only", "--skip", "--list", "--known-failing", "--out", "--timeout", "compare", "MCONF_TARGET__SECRET" })
        {
            run.Stdout.ShouldContain(option);
        }
    }

    [Test]
    public async Task Complete_SuggestDirective_ListsMatchingOptions_RunsNothing()
    {
        var run = await RunnerHarness.InvokeAsync(Folder.Path, null, "[suggest:6]", "--pres");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ShouldBe(["--presence", "--presence-driver", "--presence-skip", "--presence-timeout"]);
        Directory.GetFileSystemEntries(Folder.Path).ShouldBeEmpty();
    }

    [Test]
    public async Task Help_NamesThePresenceOptionsTheDriverContractAndTheGate()
    {
        var run = await RunnerHarness.InvokeAsync(Folder.Path, null, "--help");

        foreach (var text in new[] { "--presence", "--presence-driver", "--presence-timeout", "--presence-skip", "--recordings-wait", "--require-complete", "COMMAND ACTION JOIN_URL USER_ID MEETING_ID", "MCONF_RUN__REQUIRECOMPLETE", "3 with --require-complete" })
        {
            run.Stdout.ShouldContain(text);
        }
    }
}
