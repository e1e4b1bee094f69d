using System.Globalization;
using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>The echo, cross-call, internal ID, answer-key, checksum and envelope checks: each passes on the fake with a
/// witness of what it judged (so its pass can verify a delta), fails on a target broken in exactly its way, accepts a
/// legitimate variation everywhere it applies, and is inconclusive, with no witness, when it observed nothing.</summary>
public sealed class WitnessKindTests
{
    private static readonly string[] Kinds = ["echo-param", "same-across-calls", "internal-meeting-id", "error-answer", "checksum", "envelope"];

    private static IReadOnlyList<ConformanceCase> OfKinds(params string[] kinds) => [.. CaseCatalog.All.Where(c => kinds.Contains(c.Kind))];

    [Test]
    [CancelAfter(180_000)]
    public async Task OnTheFake_EveryCasePasses_WithAWitnessOfWhatItJudged()
    {
        using var target = BrokenTargets.StartFake();
        var outcome = await SuiteRun.RunAsync(target, cases: OfKinds(Kinds));

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(OfKinds(Kinds).Count);
        outcome.Results.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
        outcome.Results.Where(r => !WitnessRule.Witnessed(r)).Select(r => r.Case.Id).ShouldBeEmpty("cases that passed without a witness");
        outcome.Results.SelectMany(r => r.Witnesses).ShouldAllBe(w => w.Value.Length > 0 && w.Request.StartsWith("GET ", StringComparison.Ordinal) && !w.Request.Contains(target.Secret));
        // The echo witness names the value sent beside the value seen: the answer is judged against the request.
        outcome.Results.Single(r => r.Case.Id == "create/response/voiceBridge#leading-zero").Witnesses
            .ShouldContain(w => w.Value == "voiceBridge '071234' (sent '071234')" && w.Record.StartsWith("meeting ", StringComparison.Ordinal));
    }

    private static string Plus(string value, int delta) =>
        (long.Parse(value.Trim(), CultureInfo.InvariantCulture) + delta).ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<TestCaseData> Breaks()
    {
        TestCaseData Case(string name, Mutation mutation, params string[] failing) =>
            new TestCaseData(name, mutation, failing).SetName($"Broken for a witness check: {name}");

        yield return Case("getMeetings participantCount differs from getMeetingInfo",
            Mutations.SetValue("getMeetings", "meetings/meeting/participantCount", v => Plus(v, 1)),
            "getMeetings/response/meetings/meeting/participantCount#same-as-getMeetingInfo");
        yield return Case("getMeetings voiceParticipantCount differs from getMeetingInfo",
            Mutations.SetValue("getMeetings", "meetings/meeting/voiceParticipantCount", v => Plus(v, 1)),
            "getMeetings/response/meetings/meeting/voiceParticipantCount#same-as-getMeetingInfo");
        yield return Case("getMeetingInfo echoes another voiceBridge", Mutations.SetValue("getMeetingInfo", "voiceBridge", v => Plus(v, 1)),
            "getMeetingInfo/response/voiceBridge#echo");
        yield return Case("internalMeetingID from another createTime", Mutations.SetValue("getMeetingInfo", "internalMeetingID", v => v + "1"),
            "getMeetingInfo/response/internalMeetingID#sha1-create-time");
        yield return Case("createTime and internalMeetingID shifted together in getMeetingInfo", Mutations.Xml("shifted createTime", "getMeetingInfo", root =>
            {
                if (root.Element("createTime") is { } time && root.Element("internalMeetingID") is { } internalId && long.TryParse(time.Value.Trim(), out var ms))
                {
                    time.Value = (ms + 1).ToString(CultureInfo.InvariantCulture);
                    internalId.Value = internalId.Value.Trim()[..40] + "-" + time.Value;
                }
            }),
            "getMeetingInfo/response/internalMeetingID#sha1-create-time");
        yield return Case("notFound with another message", Mutations.SetValue("getMeetingInfo", "message", v => v + " (reworded)"),
            "error/notFound/getMeetingInfo#unknown");
        yield return Case("an error answered as SUCCESS", Mutations.SetValue("getMeetingInfo", "returncode", _ => "SUCCESS"),
            "index/response/returncode#first");
        // An API root without a usable version is refused by the preflight (could not run) before any case runs.
    }

    [TestCaseSource(nameof(Breaks))]
    [CancelAfter(120_000)]
    public async Task TargetBrokenInItsWay_FailsTheCheck(string name, Mutation mutation, string[] failing)
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), mutation);
        var outcome = await SuiteRun.RunAsync(target, cases: [.. CaseCatalog.All.Where(c => failing.Contains(c.Id))]);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Count.ShouldBe(failing.Length);
        outcome.Results.ShouldAllBe(r => r.Verdict == Verdict.Failed, $"{name}:\n" + SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Failed)));
    }

    /// <summary>A server with no default dial number answers an empty dialNumber for a meeting created without one: every
    /// case about the dialNumber deltas accepts it, and it is reported as one observation, with the empty value as
    /// the witness.</summary>
    [Test]
    [CancelAfter(180_000)]
    public async Task NoDefaultDialNumber_IsAcceptedByEveryDialNumberCase_AndObservedOnce()
    {
        var options = BrokenTargets.DefaultOptions();
        options.DialNumber = "";
        using var target = BrokenTargets.Start(options);
        var cases = CaseCatalog.All.Where(c => c.SpecId.EndsWith("/dialNumber", StringComparison.Ordinal)).ToList();
        var outcome = await SuiteRun.RunAsync(target, cases: cases);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.Where(r => r.Verdict == Verdict.Failed).ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict == Verdict.Failed)));
        var defaults = outcome.Results.Single(r => r.Case.Id == "create/response/dialNumber#default");
        defaults.Verdict.ShouldBe(Verdict.Passed);
        defaults.Observations.ShouldBe([EchoParamCheck.NoDefaultDialNumber]);
        defaults.Witnesses.ShouldContain(w => w.Value.StartsWith("dialNumber empty", StringComparison.Ordinal));
        outcome.Results.SelectMany(r => r.Observations).Distinct().Count().ShouldBeLessThanOrEqualTo(1);
    }

    /// <summary>Nothing to observe (read-only, no meeting and no recording on the target): inconclusive, never passed, and no witness.</summary>
    [Test]
    [CancelAfter(120_000)]
    public async Task NothingToObserve_IsInconclusive_WithoutAWitness()
    {
        var options = BrokenTargets.DefaultOptions();
        options.AutoConnect = false;
        options.Meetings = 0;
        // internal-meeting-id also judges the recordings' record IDs (call=getRecordings): none there either.
        options.Recordings = 0;
        using var target = BrokenTargets.Start(options);
        // join's meeting_id case (internal-meeting-id, call=join) is a lifecycle case: the read-only tier skips it.
        var outcome = await SuiteRun.RunAsync(target, tier: CaseTier.ReadOnly,
            cases: [.. OfKinds("same-across-calls", "internal-meeting-id").Where(c => c.OptionalArg("call") != "join")]);

        outcome.AbortReason.ShouldBeNull();
        outcome.Results.ShouldNotBeEmpty();
        outcome.Results.ShouldAllBe(r => r.Verdict == Verdict.Inconclusive && r.Witnesses.Count == 0, SuiteRun.Describe(outcome.Results));
    }
}
