namespace Mconf.Conformance.Runner.Tests.Reports;

/// <summary>A legitimate variation a case saw (guest policy, the videoCount reading) reaches all four reports, as an
/// observation and never as a failure.</summary>
public sealed class ObservationReportTests
{
    private const string Observed = "videoCount counts participants sharing video (the wiki reading), not streams";

    private static ResultsDocument Document() => Samples.Document(
        Samples.Record("getMeetings/response/meetings/meeting/videoCount#streams", Verdict.Passed) with { Observations = [Observed] },
        Samples.Record("create/response/voiceBridge", Verdict.Passed));

    [Test]
    public void Markdown_ListsTheObservation() =>
        MarkdownSummaryWriter.Render(Document()).ShouldContain($"- `getMeetings/response/meetings/meeting/videoCount#streams`: `{Observed}`");

    [Test]
    public void Html_HasAnObservationsSection() =>
        HtmlReportWriter.Render(Document()).ShouldContain($"<li><code>getMeetings/response/meetings/meeting/videoCount#streams</code>: {Observed}</li>");

    [Test]
    public void JUnit_CarriesItAsAProperty() =>
        JUnitWriter.Render(Document()).ShouldContain($"<property name=\"observation\" value=\"getMeetings/response/meetings/meeting/videoCount#streams: {Observed}\" />");

    [Test]
    public void ResultsJson_KeepsItOnTheCase() =>
        ResultsJsonWriter.Render(Document()).ShouldContain(Observed);

    [Test]
    public void WithoutObservations_NoSectionIsWritten()
    {
        var document = Samples.Document(Samples.Record("create/response/voiceBridge", Verdict.Passed));

        HtmlReportWriter.Render(document).ShouldNotContain("id=\"observations\"");
        MarkdownSummaryWriter.Render(document).ShouldNotContain("**Observations**");
    }
}
