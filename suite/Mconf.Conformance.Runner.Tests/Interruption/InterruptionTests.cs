using System.Diagnostics;
using System.Xml.Linq;
using Mconf.Conformance.Runner.Tests.Support;

namespace Mconf.Conformance.Runner.Tests.Interruption;

/// <summary>A real runner process stopped as CI stops a job: SIGTERM at seeded points of the run ends every meeting
/// it created and leaves four valid partial reports with the verdict interrupted and exit 4, within seconds; a run
/// killed with SIGKILL leaves meetings that the next run reports and that cleanup ends, touching nothing else.</summary>
[NonParallelizable]
public sealed class InterruptionTests : TempFolderPerTest
{
    private const string Prefix = "mconf-conformance-";

    /// <summary>Seeded signal points: 0 is as the run starts (preflight, before any case); the others are case lines.</summary>
    private static IEnumerable<int> SignalPoints()
    {
        var random = new Random(18);
        return [0, random.Next(5, 60), random.Next(60, 200)];
    }

    [TestCaseSource(nameof(SignalPoints))]
    [CancelAfter(120_000)]
    public async Task Sigterm_AtAPointOfTheRun_EndsEveryMeetingAndWritesPartialReports(int afterCases)
    {
        using var target = Targets.MconfLive();
        using var runner = RunnerProcess.Start("--target", target.BaseUrl, "--secret", target.Secret, "--out", Folder.Path);
        (await runner.WaitForCasesAsync(afterCases, TimeSpan.FromSeconds(60))).ShouldBeTrue($"the run ended or stalled before {afterCases} case lines\n{runner.Describe()}");

        runner.Signal(RunnerProcess.SigTerm);
        var signalled = Stopwatch.StartNew();
        var code = await runner.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var took = signalled.Elapsed;

        code.ShouldBe(ExitCodes.Interrupted, runner.Describe());
        took.ShouldBeLessThan(TimeSpan.FromSeconds(10), runner.Describe());
        var runId = runner.RunId!;
        var left = (await RunnerProcess.MeetingsAsync(target.FakeUrl, target.Secret)).Where(m => m.Id.StartsWith(Prefix + runId, StringComparison.Ordinal) && !m.Ended).ToList();
        left.ShouldBeEmpty($"meetings of the run left after SIGTERM\n{runner.Describe()}");
        runner.Stderr.ShouldContain("interrupted: ");

        var folder = ReportFolder.ResolveLatest(Folder.Path);
        folder.ShouldNotBeNull(runner.Describe());
        var results = ResultsJsonWriter.Read(Path.Combine(folder, ResultsJsonWriter.FileName));
        results.RunId.ShouldBe(runId);
        results.Verdict.ShouldBe(RunVerdict.Interrupted);
        results.ExitCode.ShouldBe(ExitCodes.Interrupted);
        results.Summary.ShouldStartWith("interrupted: ");
        results.LeftoverMeetings.ShouldBeEmpty();
        results.CasesSelected.ShouldBeGreaterThan(0);
        results.Cases.Count.ShouldBeGreaterThanOrEqualTo(afterCases, "every case line printed before the signal is in the report");
        results.Cases.Count.ShouldBeLessThan(results.CasesSelected, "an interrupted run cannot have run every case");

        var junit = XDocument.Load(Path.Combine(folder, JUnitWriter.FileName));
        junit.Descendants("property").ShouldContain(p => (string?)p.Attribute("name") == "verdict" && (string?)p.Attribute("value") == "interrupted");
        junit.Descendants("testcase").Count().ShouldBeGreaterThanOrEqualTo(results.Cases.Count);
        var html = File.ReadAllText(Path.Combine(folder, HtmlReportWriter.FileName));
        html.ShouldStartWith("<!DOCTYPE html>");
        html.TrimEnd().ShouldEndWith("</html>");
        html.ShouldContain("Interrupted: partial report");
        File.ReadAllText(Path.Combine(folder, MarkdownSummaryWriter.FileName)).ShouldContain("Mconf-Live conformance: interrupted");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Sigkill_LeftoversAreReportedByTheNextRun_AndCleanupEndsThemAndNothingElse()
    {
        using var target = Targets.MconfLive();
        // Somebody else's meetings: one plainly foreign, the others only look like the kit's.
        string[] others =
        [
            "weekly-standup",
            "mconf-conformance-20260101-000000-abcd-shared",
            "mconf-conformance-20260101-000000-abcd-shared-0123456789a",
            "xmconf-conformance-20260101-000000-abcd-shared-0123456789",
            "mconf-conformance-by-hand-0123456789",
            "mconf-conformancE-20260101-000000-abcd-shared-0123456789",
        ];
        foreach (var id in others)
        {
            await RunnerProcess.CreateAsync(target.FakeUrl, target.Secret, id);
        }

        string runId;
        using (var runner = RunnerProcess.Start("--target", target.BaseUrl, "--secret", target.Secret, "--out", Folder.Path))
        {
            (await runner.WaitForCasesAsync(40, TimeSpan.FromSeconds(60))).ShouldBeTrue(runner.Describe());
            runner.Signal(RunnerProcess.SigKill);
            (await runner.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBe(128 + RunnerProcess.SigKill);
            runId = runner.RunId!;
        }

        var leftovers = (await RunnerProcess.MeetingsAsync(target.FakeUrl, target.Secret)).Where(m => m.Id.StartsWith(Prefix + runId, StringComparison.Ordinal) && !m.Ended).Select(m => m.Id).ToList();
        leftovers.ShouldNotBeEmpty("a killed run leaves at least its shared meeting");

        // The next run reports them and leaves them alone.
        var next = await RunnerHarness.CertifyAsync(Folder.File("next"), null, "--target", target.BaseUrl, "--secret", target.Secret, "--only", "getMeetings/response/returncode");
        next.ExitCode.ShouldBe(ExitCodes.Conformant, next.Console);
        next.Stderr.ShouldContain($"run {runId}: {leftovers.Count}");
        next.Results.EarlierRunMeetings.Select(m => m.MeetingId).Order(StringComparer.Ordinal).ShouldBe(leftovers.Order(StringComparer.Ordinal));
        leftovers.Except(await Running()).ShouldBeEmpty("the next run ended an earlier run's meetings");

        // A dry run lists them and ends nothing; the default age filter keeps meetings this young.
        var dry = await Cleanup("--dry-run", "--older-than", "0");
        dry.ExitCode.ShouldBe(ExitCodes.Conformant, dry.Console);
        foreach (var id in leftovers)
        {
            dry.Stdout.ShouldContain("would end " + id);
        }

        var young = await Cleanup();
        young.ExitCode.ShouldBe(ExitCodes.Conformant, young.Console);
        young.Stdout.ShouldContain($"{leftovers.Count} younger meeting(s) kept");
        var otherRun = await Cleanup("--run-id", "20260101-000000-abcd");
        otherRun.ExitCode.ShouldBe(ExitCodes.Conformant, otherRun.Console);
        leftovers.Concat(others).Except(await Running()).ShouldBeEmpty("a filter that matched nothing ended something");

        var cleanup = await Cleanup("--run-id", runId);
        cleanup.ExitCode.ShouldBe(ExitCodes.Conformant, cleanup.Console);
        cleanup.Stdout.ShouldContain($"ended {leftovers.Count} meeting(s) of 1 run(s)");
        var running = await Running();
        running.ShouldNotContain(id => id.StartsWith(Prefix + runId, StringComparison.Ordinal));
        others.Except(running).ShouldBeEmpty("cleanup touched a meeting that is not the kit's");

        Task<RunnerRun> Cleanup(params string[] args) =>
            RunnerHarness.InvokeAsync(Folder.Path, null, ["cleanup", "--target", target.BaseUrl, "--secret", target.Secret, .. args]);

        async Task<List<string>> Running() =>
            [.. (await RunnerProcess.MeetingsAsync(target.FakeUrl, target.Secret)).Where(m => !m.Ended).Select(m => m.Id)];
    }
}
