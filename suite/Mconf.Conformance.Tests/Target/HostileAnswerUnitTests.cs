namespace Mconf.Conformance.Tests.Target;

/// <summary>Answer reading limits and the seeded, clock-driven run over canned targets.</summary>
public sealed class HostileAnswerUnitTests
{
    [Test]
    public async Task BodyOverTheConfiguredLimit_MakesTheCaseInconclusiveNamingTheOption()
    {
        using var target = new CannedTarget().Answer("getStats", "<response><returncode>SUCCESS</returncode><stats>" + new string(' ', 4096) + "</stats></response>");
        var options = CannedTarget.Options(CaseTier.ReadOnly) with { MaxBodyBytes = 1024 };
        await using var session = await ConformanceSession.OpenAsync(options, default, target);
        var result = await session.RunCaseAsync(Cases.Real("getStats/response/stats#exists"));
        result.Verdict.ShouldBe(Verdict.Inconclusive, result.Message);
        result.Message.ShouldContain("over the 1024 bytes body limit");
        result.Message.ShouldContain("--max-body");
    }

    [Test]
    public async Task DtdInACaseAnswer_IsReportedAsADtd()
    {
        var result = await Cases.RunRealAsync("getStats/response/stats#exists", "getStats", "<!DOCTYPE response [<!ENTITY x \"y\">]><response><returncode>SUCCESS</returncode></response>");
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("XML with a DTD");
    }

    [Test]
    public void SameSeed_SameIds_OtherSeed_OtherIds()
    {
        static string Ids(int seed)
        {
            var ledger = new Conformance.Target.MeetingLedger("p", "r", new Conformance.Target.RandomSource(seed));
            return ledger.NewId("a") + ledger.UnknownId("b") + ledger.Random();
        }

        Ids(1).ShouldBe(Ids(1));
        Ids(1).ShouldNotBe(Ids(2));
    }

    [Test]
    public void SeedDefaultsToOneDerivedFromTheRunId()
    {
        var options = CannedTarget.Options();
        options.EffectiveSeed.ShouldBe((options with { }).EffectiveSeed);
        (options with { RunId = "other" }).EffectiveSeed.ShouldNotBe(options.EffectiveSeed);
        (options with { Seed = 5 }).EffectiveSeed.ShouldBe(5);
    }

    [Test]
    public async Task HtmlPage_IsNotMistakenForADtd()
    {
        var result = await Cases.RunRealAsync("getStats/response/stats#exists", "getStats", "<!DOCTYPE html><html><body>It works!</body></html>");
        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldNotContain("XML with a DTD");
    }

    [Test]
    public async Task SharedSnapshots_AreTakenAgainOnceOlderThanTheirMaximumAge()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var target = new CannedTarget().Answer("getRecordings",
            "<response><returncode>SUCCESS</returncode><recordings/><messageKey>noRecordings</messageKey><message>none</message></response>");
        var options = CannedTarget.Options(CaseTier.ReadOnly) with { Time = clock, SnapshotMaxAge = TimeSpan.FromSeconds(15) };
        await using var session = await ConformanceSession.OpenAsync(options, default, target);
        var element = Cases.Real("getRecordings/response/returncode");
        // The unfiltered snapshot only (the element case also asks for an empty selection, each time).
        int Reads() => target.Requests.Count(r => r.StartsWith("getRecordings?", StringComparison.Ordinal) && !r.Contains("meetingID=", StringComparison.Ordinal));

        await session.RunCaseAsync(element);
        clock.Advance(TimeSpan.FromSeconds(10));
        await session.RunCaseAsync(element);
        Reads().ShouldBe(1, "a snapshot younger than 15 s is reused");

        clock.Advance(TimeSpan.FromSeconds(10));
        await session.RunCaseAsync(element);
        Reads().ShouldBe(2, "a snapshot older than 15 s is taken again");
    }
}
