namespace Mconf.Conformance.Tests.Kinds;

/// <summary>The rule the delta table and the NUnit suite share: an Mconf-Live, non-supporting pass counts only with a
/// witness of what the case is about.</summary>
public sealed class WitnessRuleTests
{
    private static CaseResult Passed(ConformanceCase c, params Witness[] witnesses) =>
        new(c, Verdict.Passed, "", TimeSpan.Zero, []) { Witnesses = witnesses };

    private static Witness Of(string specId) => new(specId, "GET http://h/api/getStats?checksum=***", "meeting m-1", "1");

    [Test]
    public void NeedsWitness_MconfLiveAndNotSupporting()
    {
        WitnessRule.NeedsWitness(Cases.Make("getStats/request/meetingID#one", "getStats", "stats-selection")).ShouldBeTrue();
        WitnessRule.NeedsWitness(Cases.Make("getStats/request/meetingID#checksum-wrong", "getStats", "checksum", CaseTier.ReadOnly, ("supporting", true))).ShouldBeFalse();
        WitnessRule.NeedsWitness(Cases.Make("error/notFound/end#unknown", "end", "error-answer") with { Layer = Origin.Bbb09 }).ShouldBeFalse();
    }

    [Test]
    public void Witnessed_ByItsSpecId_OrAnEntryItRefines_NotByAnotherEntry()
    {
        var c = Cases.Make("getStats/request/meetingID#one", "getStats", "stats-selection");

        WitnessRule.Witnessed(Passed(c)).ShouldBeFalse();
        WitnessRule.Witnessed(Passed(c, Of("getStats/request/meetingID"))).ShouldBeTrue();
        WitnessRule.Witnessed(Passed(c, Of("getStats"))).ShouldBeTrue();
        WitnessRule.Witnessed(Passed(c, Of("getStats/request/meetingIDs"))).ShouldBeFalse();
        WitnessRule.Witnessed(Passed(c, Of("getMeetings/response/meetings/meeting/voiceBridge"))).ShouldBeFalse();
    }

    [Test]
    public void CountsFor_TheDeltaOrTheCasesOwnEntry()
    {
        WitnessRule.CountsFor("getStats/request/meetingID", "getStats", "getStats/request/meetingID").ShouldBeTrue();
        WitnessRule.CountsFor("getStats", "getStats", "getStats/request/meetingID").ShouldBeTrue();
        WitnessRule.CountsFor("create/response/dialNumber", "create/response/voiceBridge", "create/response/voiceBridge").ShouldBeFalse();
    }
}
