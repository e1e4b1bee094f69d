namespace Mconf.Conformance.Runner.Tests.Support;

/// <summary>Hand-made cases, results and documents for unit tests of the known-failing rules and the writers.</summary>
internal static class Samples
{
    public const string Secret = "s3cr3t-Sample-Secret";

    public static ConformanceCase Case(string id, Origin layer = Origin.MconfLive) =>
        new(id, id.Split('#')[0], layer, id.Split('/')[0], "element", $"{id} holds", "Sends the call", "The server MUST answer it.",
            new SourceRef("wiki", "create", "Added voiceBridge"), CaseTier.ReadOnly, CaseArgs.None);

    public static CaseResult Result(string id, Verdict verdict, string message = "", Origin layer = Origin.MconfLive) =>
        new(Case(id, layer), verdict, message, TimeSpan.FromMilliseconds(12),
            [new Exchange("GET", $"http://127.0.0.1:1/bigbluebutton/api/create?meetingID=m&checksum=***", 200, "text/xml", "<response><returncode>SUCCESS</returncode></response>")]);

    public static CaseRecord Record(string id, Verdict verdict, string message = "", string layer = "mconf-live") =>
        new(id, $"{id} holds", layer, id.Split('/')[0], "element", "read-only", "Sends the call", "The server MUST answer it.",
            new SpecReference(id.Split('#')[0], "wiki", "create", "Added voiceBridge"), verdict, message, 12,
            [new ExchangeRecord("GET", "http://127.0.0.1:1/bigbluebutton/api/create?checksum=***", 200, "text/xml", "<response><returncode>FAILED</returncode></response>", null)]);

    public static ResultsDocument Document(params CaseRecord[] cases)
    {
        var totals = VerdictTotals.Of(cases.Select(c => c.Verdict));
        var verdict = totals.Failed > 0 ? RunVerdict.NotConformant : RunVerdict.Conformant;
        return new ResultsDocument
        {
            KitVersion = "0.1.0-test",
            RunId = "20261128-120000-abcd",
            StartedAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
            DurationSeconds = 1.5,
            Verdict = verdict,
            ExitCode = verdict == RunVerdict.Conformant ? 0 : 1,
            Summary = verdict == RunVerdict.Conformant ? "conformant: all good" : "not conformant: some failed",
            Target = new TargetInfo("http://127.0.0.1:1/bigbluebutton/api/", "0.9", "mconf-live", "sha1", Embedded: true, HadApiSuffix: false),
            Options = new RunSelection("lifecycle", "sha1", [], [], null, 10, 8),
            Totals = totals,
            Cases = cases,
            Deltas = [new DeltaRecord("create/response/voiceBridge", "response element", "create", "The voice bridge", true, "wiki create",
                [.. cases.Where(c => c.Spec.Id == "create/response/voiceBridge").Select(c => c.Id)], "failed")],
        };
    }
}
