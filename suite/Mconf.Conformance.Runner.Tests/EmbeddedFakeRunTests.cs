using System.Text.Json;
using System.Xml.Linq;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>One certification of the embedded fake with no option but <c>--out</c> (what <c>./run-conformance.sh</c>
/// does with no arguments), then its console output and its four reports, read as their consumers read them.</summary>
[TestFixture]
public sealed class EmbeddedFakeRunTests
{
    private TempDirectory _out = null!;
    private RunnerRun _run = null!;

    [OneTimeSetUp]
    public async Task CertifyTheFake()
    {
        _out = new TempDirectory();
        _run = await RunnerHarness.CertifyAsync(_out.Path, null);
    }

    [OneTimeTearDown]
    public void CleanUp() => _out.Dispose();

    private string Report(string name) => Path.Combine(_run.ReportFolder!, name);

    [Test]
    public void Run_ExitsZeroWithTheConformantLine()
    {
        _run.ExitCode.ShouldBe(ExitCodes.Conformant, _run.Console);
        _run.LastLine.ShouldStartWith("conformant: ");
        _run.Stderr.ShouldBeEmpty();
    }

    [Test]
    public void Run_WritesTheFourReportsAndPointsLatestAtThem()
    {
        _run.ReportFolder.ShouldNotBeNull();
        foreach (var name in new[] { "results.json", "junit.xml", "report.html", "summary.md" })
        {
            File.Exists(Report(name)).ShouldBeTrue(name);
        }

        _run.Stdout.ShouldContain("reports: " + Path.Combine(_out.Path, _run.Results.RunId));
    }

    [Test]
    public void Console_StreamsOneProgressLinePerCase()
    {
        var progress = _run.Stdout.Split('\n').Where(l => l.StartsWith('[')).ToList();

        progress.Count.ShouldBe(_run.Results.Totals.Total);
        foreach (var c in _run.Results.Cases)
        {
            progress.ShouldContain(l => l.Contains($" {c.Id} (", StringComparison.Ordinal));
        }
    }

    [Test]
    public void ResultsJson_DescribesKitRunAndTarget()
    {
        var results = _run.Results;

        results.KitVersion.ShouldStartWith("0.1.0");
        results.RunId.ShouldNotBeNullOrEmpty();
        results.Target.ShouldNotBeNull();
        results.Target.Embedded.ShouldBeTrue();
        results.Target.Flavour.ShouldBe("mconf-live");
        results.Target.ApiVersion.ShouldBe("0.9");
        results.Target.Url.ShouldStartWith("http://127.0.0.1:");
        results.Verdict.ShouldBe(RunVerdict.Conformant);
        results.ExitCode.ShouldBe(0);
        results.Summary.ShouldBe(_run.LastLine);
    }

    [Test]
    public void ResultsJson_TotalsMatchTheCases()
    {
        var results = _run.Results;

        results.Cases.Count.ShouldBe(CaseCatalog.All.Count);
        results.Totals.Total.ShouldBe(results.Cases.Count);
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            results.Totals.Of(verdict).ShouldBe(results.Cases.Count(c => c.Verdict == verdict), verdict.ToString());
        }
    }

    [Test]
    public void ResultsJson_EveryCaseHasItsFields()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Report("results.json")));
        var verdicts = new[] { "passed", "failed", "inconclusive", "skipped", "known-failing" };

        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            foreach (var field in new[] { "id", "title", "layer", "spec", "verdict", "message", "durationMs", "evidence" })
            {
                c.TryGetProperty(field, out _).ShouldBeTrue($"{field} in {c}");
            }

            verdicts.ShouldContain(c.GetProperty("verdict").GetString());
            c.GetProperty("spec").GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [Test]
    public void JUnit_IsWellFormedAndHasATestcasePerCase()
    {
        var junit = XDocument.Load(Report("junit.xml"));
        var results = _run.Results;

        var testcases = junit.Descendants("testcase").ToList();
        testcases.Count.ShouldBe(results.Cases.Count);
        testcases.Select(t => (string?)t.Attribute("name")).ShouldBe(results.Cases.Select(c => c.Id), ignoreOrder: true);
        testcases.ShouldAllBe(t => !string.IsNullOrEmpty((string?)t.Attribute("classname")));
        testcases.ShouldAllBe(t => t.Element("properties")!.Elements("property").Any(p => (string?)p.Attribute("name") == "SpecId"));
        ((int)junit.Root!.Attribute("tests")!).ShouldBe(results.Totals.Total);
        ((int)junit.Root!.Attribute("failures")!).ShouldBe(results.Totals.Failed);
    }

    [Test]
    public void Html_ShowsTheVerdictAndEveryDocumentedDelta()
    {
        var html = File.ReadAllText(Report("report.html"));
        var deltas = SpecCatalog.Load().Calls.SelectMany(c => c.Params.Where(p => p.Origin == Origin.MconfLive).Select(p => p.Id)
            .Concat(c.Response.Where(e => e.Origin == Origin.MconfLive).Select(e => e.Id))).ToList();

        html.ShouldContain("<header class=\"banner conformant\">");
        deltas.ShouldNotBeEmpty();
        var table = html[html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("<section id=\"deltas\">", StringComparison.Ordinal), StringComparison.Ordinal)];
        foreach (var id in deltas)
        {
            table.ShouldContain($"<tr><td><code>{System.Net.WebUtility.HtmlEncode(id)}</code></td>");
        }
    }

    [Test]
    public void Summary_StartsWithTheVerdict() =>
        File.ReadAllText(Report("summary.md")).ShouldStartWith("### ✅ Mconf-Live conformance: conformant");
}
