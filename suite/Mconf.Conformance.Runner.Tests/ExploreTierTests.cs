using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mconf.Conformance.Explorer;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>The opt-in --explore N tier is one more case of the run, <c>explore/invariants</c>: passed on the correct
/// fake; failed on a target with a bug only a sequence of calls shows, with the minimal sequence's exact requests and
/// answers in all four reports (redacted: no secret, no checksum, valid or not) and the run not conformant through the
/// one verdict; inconclusive when the budget ran out, the target stopped answering or the run was interrupted;
/// refused on the read-only tier.</summary>
public sealed partial class ExploreTierTests : TempFolderPerTest
{
    private const string Secret = "s3cr3t-explore-0123";

    [GeneratedRegex(@"checksum=(?!\*\*\*)", RegexOptions.IgnoreCase)]
    private static partial Regex UnredactedChecksum();

    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_OnTheEmbeddedFake_PassesAsOneMoreCase_InEveryReport()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--only", "index/*", "--explore", "20");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Stdout.ShouldContain("explore: 20 sequences");
        run.Stdout.ShouldContain("every invariant held");
        run.Stdout.ShouldContain($"pass  {ExploreTier.CaseId}");
        var results = run.Results;
        var explore = results.Cases.Single(c => c.Id == ExploreTier.CaseId);
        explore.Verdict.ShouldBe(Verdict.Passed);
        explore.Layer.ShouldBe(Origin.MconfLive.Layer());
        results.Totals.Passed.ShouldBe(results.Cases.Count(c => c.Verdict == Verdict.Passed));
        var exploration = results.Exploration.ShouldNotBeNull();
        exploration.Verdict.ShouldBe(Verdict.Passed);
        exploration.SequencesPlanned.ShouldBe(20);
        exploration.SequencesRun.ShouldBe(20);
        exploration.RequestsSent.ShouldBeGreaterThan(0);
        exploration.Presence.ShouldBeTrue("the embedded fake has the control surface");
        exploration.Steps.ShouldBeEmpty();
        exploration.Invariant.ShouldBeNull();

        var junit = XDocument.Load(Path.Combine(run.ReportFolder!, JUnitWriter.FileName));
        var testcase = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == ExploreTier.CaseId);
        testcase.Element("failure").ShouldBeNull();
        testcase.Element("skipped").ShouldBeNull();
        File.ReadAllText(Path.Combine(run.ReportFolder!, HtmlReportWriter.FileName)).ShouldContain("<section id=\"exploration\">");
        File.ReadAllText(Path.Combine(run.ReportFolder!, MarkdownSummaryWriter.FileName)).ShouldContain("**Exploration** (`explore/invariants` passed): 20 sequences run (20 planned)");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_OnATargetWithASequenceBug_FailsTheRun_WithTheMinimalSequenceInEveryReport()
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), Mutations.ParticipantCountOffAfterSecondJoin());

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret, "--only", "index/*", "--explore", "400");

        // One verdict: the explore case failed, so the run is not conformant and the closing line names it.
        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        run.Stdout.ShouldContain("an invariant broke");
        run.Stdout.ShouldContain($"FAIL  {ExploreTier.CaseId}");
        run.LastLine.ShouldBe($"not conformant: 1 failed: {ExploreTier.CaseId}");
        run.Console.ShouldNotContain(target.Secret);
        run.Console.Split('\n').Count(l => l.StartsWith("not conformant", StringComparison.Ordinal)).ShouldBe(1, "one closing line");

        var results = run.Results;
        results.Verdict.ShouldBe(RunVerdict.NotConformant);
        results.Totals.Failed.ShouldBe(1);
        var explore = results.Cases.Single(c => c.Id == ExploreTier.CaseId);
        explore.Verdict.ShouldBe(Verdict.Failed);
        explore.Message.ShouldContain("participantCount");
        var x = results.Exploration.ShouldNotBeNull();
        x.Verdict.ShouldBe(Verdict.Failed);
        x.Invariant.ShouldNotBeNull().ShouldContain("participantCount");
        x.Steps.Count.ShouldBeLessThanOrEqualTo(5, explore.Message);
        x.Steps.Count(s => s.Op == "join").ShouldBe(2, "the bug needs exactly two joins");
        x.BrokenAtStep.ShouldBe(x.Steps.Count, "a minimal sequence breaks at its last step");
        x.Steps.Select(s => s.Number).ShouldBe(Enumerable.Range(1, x.Steps.Count));
        var exchanges = x.Steps.SelectMany(s => s.Exchanges).ToList();
        exchanges.ShouldContain(e => e.Url.Contains("/api/join?", StringComparison.Ordinal));
        exchanges.ShouldContain(e => e.Body != null && e.Body.Contains("<participantCount>", StringComparison.Ordinal));
        // The case's evidence is the same exchanges, in order.
        explore.Evidence.Select(e => (e.Method, e.Url, e.Status, e.Body)).ShouldBe(exchanges.Select(e => (e.Method, e.Url, e.Status, e.Body)));

        // Every report shows the minimal sequence as its exact requests and answers.
        var folder = run.ReportFolder!;
        var junit = XDocument.Load(Path.Combine(folder, JUnitWriter.FileName));
        var failure = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == ExploreTier.CaseId).Element("failure").ShouldNotBeNull();
        ((string?)failure.Attribute("message")).ShouldNotBeNull().ShouldContain("participantCount");
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(folder, HtmlReportWriter.FileName)));
        var markdown = File.ReadAllText(Path.Combine(folder, MarkdownSummaryWriter.FileName));
        var json = File.ReadAllText(Path.Combine(folder, ResultsJsonWriter.FileName));
        foreach (var e in exchanges)
        {
            failure.Value.ShouldContain($"{e.Method} {e.Url}");
            html.ShouldContain($"{e.Method} {e.Url} → {e.Status}");
            markdown.ShouldContain($"`{e.Method} {e.Url}` → {e.Status}");
            if (!string.IsNullOrEmpty(e.Body))
            {
                failure.Value.ShouldContain(e.Body);
                markdown.ShouldContain(e.Body.TrimEnd());
            }
        }

        foreach (var step in x.Steps)
        {
            html.ShouldContain($"<code>{step.Step}</code>");
            markdown.ShouldContain($"{step.Number}. `{step.Step}`");
        }

        html.ShouldContain("<participantCount>");
        markdown.ShouldContain("**Exploration** (`explore/invariants` failed)");
        json.ShouldContain("\"exploration\": {");

        // Redacted like all evidence: no secret, no checksum, and none of the valid checksums of the requests sent.
        var valid = results.Cases.SelectMany(c => c.Evidence).Select(e => e.Url).Concat(exchanges.Select(e => e.Url))
            .Select(url => ValidChecksum(url, target.Secret)).OfType<string>().Distinct().ToList();
        valid.Count.ShouldBeGreaterThan(exchanges.Count / 2);
        // The recomputation is right: the target accepts the checksum of a reported read request (the meeting is gone by now).
        var read = exchanges.Last(e => e.Url.Contains("/api/getMeetingInfo?", StringComparison.Ordinal));
        using (var http = new HttpClient())
        {
            var replayed = await http.GetStringAsync(read.Url.Replace("checksum=***", "checksum=" + ValidChecksum(read.Url, target.Secret), StringComparison.Ordinal));
            replayed.ShouldContain("<returncode>", Case.Sensitive, replayed);
            replayed.ShouldNotContain("checksumError", Case.Sensitive, "the recomputed checksum is the one the request carried");
        }

        var files = Directory.GetFiles(folder);
        files.Length.ShouldBe(4);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain(target.Secret, Case.Sensitive, $"{Path.GetFileName(file)} leaks the secret");
            text.ShouldNotContain(QueryString.Encode(target.Secret), Case.Sensitive, $"{Path.GetFileName(file)} leaks the encoded secret");
            UnredactedChecksum().IsMatch(text).ShouldBeFalse($"{Path.GetFileName(file)} holds an unredacted checksum");
            foreach (var checksum in valid)
            {
                text.ShouldNotContain(checksum, Case.Insensitive, $"{Path.GetFileName(file)} holds a valid checksum");
            }
        }
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_InterruptedBySignal_IsInconclusive_AndTheRunInterrupted()
    {
        using var signal = new CancellationTokenSource();
        using var stdout = new OnLine("explore: 10000 random sequences", () => signal.CancelAfter(300));
        using var stderr = new StringWriter();

        var code = await Runner.RunAsync(["--only", "index/*", "--explore", "10000", "--out", Folder.Path], stdout, stderr,
            new RunnerContext { Environment = new Dictionary<string, string?>() }, signal.Token);

        code.ShouldBe(ExitCodes.Interrupted, stdout + stderr.ToString());
        var results = new RunnerRun(code, stdout.ToString(), stderr.ToString(), Folder.Path).Results;
        results.Verdict.ShouldBe(RunVerdict.Interrupted);
        results.Cases.Single(c => c.Id == ExploreTier.CaseId).Verdict.ShouldBe(Verdict.Inconclusive);
        var x = results.Exploration.ShouldNotBeNull();
        x.Interrupted.ShouldBeTrue();
        x.SequencesRun.ShouldBeLessThan(10000);
        x.Message.ShouldContain("interrupted");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_TargetStopsAnswering_IsInconclusive_WithTheReason_NeverAPass()
    {
        var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), Mutations.ParticipantCountOffAfterSecondJoin());
        using var stdout = new OnLine("explore: 50 random sequences", target.Dispose);
        using var stderr = new StringWriter();

        var code = await Runner.RunAsync(["--target", target.BaseUrl, "--secret", target.Secret, "--only", "index/*", "--explore", "50", "--out", Folder.Path], stdout, stderr,
            new RunnerContext { Environment = new Dictionary<string, string?>() });
        target.Dispose();

        var results = new RunnerRun(code, stdout.ToString(), stderr.ToString(), Folder.Path).Results;
        var explore = results.Cases.Single(c => c.Id == ExploreTier.CaseId);
        explore.Verdict.ShouldBe(Verdict.Inconclusive, explore.Message);
        explore.Message.ShouldContain("the target did not answer");
        results.Exploration.ShouldNotBeNull().Error.ShouldNotBeNull().ShouldContain("HttpRequestException");
        results.Totals.Inconclusive.ShouldBe(1);
        results.Totals.Passed.ShouldBe(4, "the index cases, not the exploration");
        code.ShouldBe(ExitCodes.Conformant, "like any inconclusive case, it fails nothing (the run is incomplete here: --only)");
        results.Verdict.ShouldBe(RunVerdict.Incomplete);
        stdout.ToString().ShouldNotContain(target.Secret);
    }

    [Test]
    public async Task Explore_OnTheReadOnlyTier_CouldNotRun()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--tier", "read-only", "--explore", "5");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.Console.ShouldContain("--explore creates meetings");
    }

    [TestCase(10, false, null, false, Verdict.Passed, "every invariant held")]
    [TestCase(4, true, null, false, Verdict.Inconclusive, "request budget (400) ran out after 4 of 10 sequences")]
    [TestCase(10, true, null, false, Verdict.Inconclusive, "request budget (400) ran out after 10 of 10 sequences")]
    [TestCase(3, false, "after 3 sequence(s): HttpRequestException: Connection refused", false, Verdict.Inconclusive, "the target did not answer")]
    [TestCase(2, false, null, true, Verdict.Inconclusive, "interrupted after 2 of 10 sequences")]
    public void Result_WithoutABrokenInvariant_PassesOnlyWhenEverySequenceRan(int sequencesRun, bool budgetSpent, string? error, bool interrupted, Verdict verdict, string message)
    {
        var outcome = new ExplorerOutcome(sequencesRun, 123, budgetSpent, null, []) { Error = error, Interrupted = interrupted };

        var result = ExploreTier.Result(Run(outcome));

        result.Verdict.ShouldBe(verdict);
        result.Message.ShouldContain(message);
        result.Evidence.ShouldBeEmpty();
        result.Case.Id.ShouldBe(ExploreTier.CaseId);
    }

    [Test]
    public void Reports_OfAFailure_RedactWhatTheExplorerLeftIn_WithTheCasesRedaction()
    {
        // Exchanges as a careless explorer might hand them over: the checksum and the secret still in them.
        var failure = new ExplorerFailure([new Step("create", 0, 0, 0), new Step("getMeetingInfo", 0, 0, 0)], $"after step 'getMeetingInfo(m0, variant 0)': participantCount 1 equals the 0 attendees listed ({Secret})", "transcript")
        {
            Trace =
            [
                new ExplorerStepTrace(new Step("create", 0, 0, 0), [new ExplorerExchange("GET", $"http://h/bigbluebutton/api/create?meetingID=m&checksum=0123456789abcdef0123456789abcdef01234567", 200, "text/xml", $"<response><returncode>SUCCESS</returncode><note>{Secret}</note></response>")], null),
                new ExplorerStepTrace(new Step("getMeetingInfo", 0, 0, 0), [new ExplorerExchange("GET", $"http://h/bigbluebutton/api/getMeetingInfo?meetingID=m&password={Secret}&checksum=fedcba9876543210fedcba9876543210fedcba98", 200, "text/xml", "<response><returncode>SUCCESS</returncode><participantCount>1</participantCount></response>")], null),
                new ExplorerStepTrace(new Step("getMeetings", 0, 0, 0), [], "not reached: the invariant broke at an earlier step") { Reached = false },
            ],
        };
        var run = Run(new ExplorerOutcome(7, 300, false, failure, []));
        var result = ExploreTier.Result(run);
        var builder = new ResultsDocumentBuilder("0.0.0-test", Secret);
        var outcome = new RunOutcome("20261205-000000-abcd", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), null, [result], null);
        var document = builder.Build(outcome, [result], deltas => Judgement.Of(null, [result], deltas, requireComplete: false), new RunSelection("lifecycle", "sha1", [], [], null, 10, 4), CaseCatalog.All)
            with { Exploration = builder.Exploration(run, result) };

        document.Verdict.ShouldBe(RunVerdict.NotConformant);
        document.Exploration!.BrokenAtStep.ShouldBe(2);
        document.Exploration.Steps.Count.ShouldBe(3);
        document.Exploration.Steps[2].Note.ShouldNotBeNull().ShouldStartWith("not reached");
        foreach (var (name, text) in new[]
        {
            ("results.json", ResultsJsonWriter.Render(document)),
            ("junit.xml", JUnitWriter.Render(document)),
            ("report.html", HtmlReportWriter.Render(document)),
            ("summary.md", MarkdownSummaryWriter.Render(document)),
        })
        {
            text.ShouldNotContain(Secret, Case.Sensitive, name);
            text.ShouldNotContain("0123456789abcdef0123456789abcdef01234567", Case.Sensitive, name);
            text.ShouldNotContain("fedcba9876543210fedcba9876543210fedcba98", Case.Sensitive, name);
            UnredactedChecksum().IsMatch(text).ShouldBeFalse(name);
            text.ShouldContain("checksum=***", Case.Sensitive, name);
            text.ShouldContain("participantCount", Case.Sensitive, name);
        }
    }

    /// <summary>The console, which does something (cancel the run as a signal would, stop the target) once a line
    /// starting with <paramref name="start"/> is printed.</summary>
    private sealed class OnLine(string start, Action action) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(start, StringComparison.Ordinal) == true)
            {
                action();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task ExplorerMeetings_HaveTheKitsIdShape_SoCleanupFindsWhatAKilledRunLeft(CancellationToken token)
    {
        const string runId = "20261205-080000-abcd";
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var recorder = new Mutation("records the meetings created", Request: request =>
        {
            if (request.Call == "create" && QueryString.Get(request.RawQuery, "meetingID") is { } id)
            {
                ids.Add(id);
            }

            return request;
        });
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), recorder);
        var outcome = await Explorer.Explorer.RunAsync(new ExplorerOptions
        {
            TargetUrl = target.BaseUrl,
            Secret = target.Secret,
            MeetingPrefix = ExploreTier.MeetingPrefix,
            RunTag = runId,
            Sequences = 60,
            RequestBudget = 6000,
            Seed = 5,
        }, token);
        outcome.Failure.ShouldBeNull();

        ids.ShouldNotBeEmpty();
        ids.ShouldContain(id => id.EndsWith(ExplorerOptions.OddIdSuffix, StringComparison.Ordinal), "the odd variant was explored too");
        foreach (var id in ids)
        {
            Mconf.Conformance.Target.KitMeetings.Parse(ExploreTier.MeetingPrefix, id).ShouldNotBeNull(id).RunId.ShouldBe(runId);
            Mconf.Conformance.Target.KitMeetings.Parse(ExploreTier.MeetingPrefix, id, runId).ShouldNotBeNull(id);
        }
    }

    private static ExplorationRun Run(ExplorerOutcome outcome) =>
        new(10, 400, 42, 12, false, ExploreTier.MeetingPrefix, TimeSpan.FromSeconds(2), outcome);

    /// <summary>The checksum the request behind a redacted URL really carried: recomputed over its query without the
    /// checksum (the signer appends it last), for the call its path names.</summary>
    private static string? ValidChecksum(string url, string secret)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.AbsolutePath.Contains("/api/", StringComparison.Ordinal))
        {
            return null;
        }

        var query = uri.Query.TrimStart('?');
        var cut = query.IndexOf("checksum=", StringComparison.Ordinal);
        if (cut < 0)
        {
            return null;
        }

        var call = uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..];
        return Checksum.Compute(call, query[..Math.Max(0, cut - 1)], secret);
    }
}
