namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class ReportFolderTests
{
    [Test]
    public void Write_TwoRuns_WritesFourReportsEachAndLatestFollowsTheLastOne()
    {
        using var temp = new TempDirectory();
        var first = Samples.Document(Samples.Record("a/response/x", Verdict.Passed)) with { RunId = "20261128-120000-0001" };
        var second = first with { RunId = "20261128-120001-0002" };

        ReportFolder.Write(first, temp.Path);
        var folder = ReportFolder.Write(second, temp.Path);

        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["junit.xml", "report.html", "results.json", "summary.md"]);
        var latest = new DirectoryInfo(temp.File(ReportFolder.LatestName));
        latest.LinkTarget.ShouldBe("20261128-120001-0002");
        ReportFolder.ResolveLatest(temp.Path).ShouldNotBeNull();
        ResultsJsonWriter.Read(Path.Combine(ReportFolder.ResolveLatest(temp.Path)!, "results.json")).RunId.ShouldBe("20261128-120001-0002");
        Directory.GetFileSystemEntries(temp.Path).Length.ShouldBe(3); // two runs and latest, no temporary link left
    }

    [Test]
    public void ResolveLatest_FallbackFile_NamesTheRunFolder()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("run-1"));
        File.WriteAllText(temp.File(ReportFolder.LatestName), "run-1\n");

        ReportFolder.ResolveLatest(temp.Path).ShouldBe(temp.File("run-1"));
    }

    [Test]
    public void ResultsJson_RoundTrips()
    {
        using var temp = new TempDirectory();
        var document = Samples.Document(Samples.Record("a/response/x", Verdict.KnownFailing, "known failing (why): x"));

        ResultsJsonWriter.Write(document, temp.File("results.json"));
        var read = ResultsJsonWriter.Read(temp.File("results.json"));

        read.Cases.Single().Verdict.ShouldBe(Verdict.KnownFailing);
        read.Totals.ShouldBe(document.Totals);
        File.ReadAllText(temp.File("results.json")).ShouldContain("\"verdict\": \"known-failing\"");
    }
}
