namespace Mconf.Conformance.Tests.Integration;

/// <summary>Each stronger check fails on a target broken in exactly that one way, and passes on the same target
/// unbroken (the same data, the same auto-connect setting).</summary>
public sealed class StrongerCheckTests
{
    private const string Secret = BrokenTargets.Secret;

    public static IEnumerable<TestCaseData> Breaks()
    {
        TestCaseData Case(string name, Func<FakeMconfServer, Mutation> mutation, bool autoConnect, params string[] caseIds) =>
            new TestCaseData(name, mutation, autoConnect, caseIds).SetName($"Broken: {name}");

        yield return Case("getStats unsigned", _ => Mutations.AcceptUnsigned("getStats", null, Secret), true,
            "getStats/request/meetingID#checksum-missing", "getStats/request/meetingID#checksum-wrong");
        yield return Case("getRecordings with meta unsigned", _ => Mutations.AcceptUnsigned("getRecordings", "meta_", Secret), true,
            "getRecordings/request/meta_*#checksum-missing", "getRecordings/request/meta_*#checksum-wrong");
        yield return Case("join with guest unsigned", _ => Mutations.AcceptUnsigned("join", "guest", Secret), true,
            "join/request/guest#checksum-missing", "join/request/guest#checksum-wrong");
        yield return Case("numbers coerced", _ => Mutations.NumbersCoerced(), true,
            "create/response/voiceBridge#leading-zero", "getMeetings/response/meetings/meeting/voiceBridge#leading-zero",
            "create/response/dialNumber#long-digits", "getMeetings/response/meetings/meeting/dialNumber#long-digits",
            "create/response/dialNumber#symbols", "getMeetings/response/meetings/meeting/dialNumber#symbols");
        yield return Case("create hides defaults", _ => Mutations.CreateHidesDefaults(), true,
            "create/response/voiceBridge#default", "create/response/dialNumber#default");
        yield return Case("guest join answers XML without redirect=false", _ => Mutations.GuestJoinWithoutRedirect(), true, "join/request/guest#redirect");
        yield return Case("guests always viewers", _ => Mutations.GuestsAlwaysViewers(), true, "join/request/guest#moderator-password");
        yield return Case("participantCount counts registered users", _ => Mutations.CountRegisteredUsers(), false,
            "getMeetings/response/meetings/meeting/participantCount#registered-not-counted");
        yield return Case("getStats selects by prefix", _ => Mutations.StatsSelectedBy("by prefix", (w, id) => id.StartsWith(w, StringComparison.Ordinal), Secret), true,
            "getStats/request/meetingID#prefix");
        yield return Case("getStats ignores case", _ => Mutations.StatsSelectedBy("ignoring case", (w, id) => string.Equals(w, id, StringComparison.OrdinalIgnoreCase), Secret), true,
            "getStats/request/meetingID#case");
        yield return Case("meta filters OR", _ => Mutations.MetaFilteredBy("OR", (f, m) => f.Any(x => Has(m, x)), Secret), true,
            "getRecordings/request/meta_*#and-or");
        yield return Case("meta filters: last only", _ => Mutations.MetaFilteredBy("last only", (f, m) => Has(m, f[^1]), Secret), true,
            "getRecordings/request/meta_*#and-or");
        yield return Case("meta filters: first only", _ => Mutations.MetaFilteredBy("first only", (f, m) => Has(m, f[0]), Secret), true,
            "getRecordings/request/meta_*#and-or");
        yield return Case("meta filters: a missing key matches", _ => Mutations.MetaFilteredBy("missing key matches",
            (f, m) => f.All(x => !m.ContainsKey(x.Key) || Has(m, x)), Secret), true, "getRecordings/request/meta_*#missing-key");
    }

    private static bool Has(IReadOnlyDictionary<string, string> meta, (string Key, string Value) filter) =>
        meta.TryGetValue(filter.Key, out var value) && value == filter.Value;

    [TestCaseSource(nameof(Breaks))]
    [CancelAfter(120_000)]
    public async Task TargetBrokenInOneWay_FailsItsCheck_AndTheSameTargetUnbrokenPasses(string name, Func<FakeMconfServer, Mutation> mutation, bool autoConnect, string[] caseIds)
    {
        var cases = CaseCatalog.All.Where(c => caseIds.Contains(c.Id)).ToList();
        cases.Count.ShouldBe(caseIds.Length, "every named case exists");

        var correct = await RunAsync(null, autoConnect, cases);
        correct.Where(r => r.Verdict != Verdict.Passed).ShouldBeEmpty(SuiteRun.Describe(correct.Where(r => r.Verdict != Verdict.Passed)));

        var broken = await RunAsync(mutation, autoConnect, cases);
        await TestContext.Out.WriteLineAsync(SuiteRun.Describe(broken));
        broken.ShouldAllBe(r => r.Verdict == Verdict.Failed, $"{name}:\n" + SuiteRun.Describe(broken.Where(r => r.Verdict != Verdict.Failed)));
    }

    private static async Task<IReadOnlyList<CaseResult>> RunAsync(Func<FakeMconfServer, Mutation>? mutation, bool autoConnect, IReadOnlyList<ConformanceCase> cases)
    {
        var options = BrokenTargets.DefaultOptions();
        options.AutoConnect = autoConnect;
        using var fake = FakeMconfServer.Start(options);
        await RecordingsWithDifferentKeysAsync(fake);
        using var proxy = mutation is null ? null : MutatingProxy.Start(fake.BaseUrl, mutation(fake));
        var outcome = await SuiteRun.RunAsync(SuiteRun.Options(proxy?.BaseUrl ?? fake.BaseUrl, fake.Secret), cases);
        outcome.AbortReason.ShouldBeNull();
        outcome.LeftoverMeetings.ShouldBeEmpty();
        return outcome.Results;
    }

    /// <summary>Recordings where one filter matches without the other, both ways, and where a key is missing: the
    /// data the AND/OR and missing-key checks need.</summary>
    private static async Task RecordingsWithDifferentKeysAsync(FakeMconfServer fake)
    {
        await FakeSetup.MeetingAsync(fake, "setup-both", end: true, ("topic", "alpha"), ("room", "red"));
        await FakeSetup.MeetingAsync(fake, "setup-topic", end: true, ("topic", "alpha"), ("room", "blue"));
        await FakeSetup.MeetingAsync(fake, "setup-room", end: true, ("topic", "beta"), ("room", "red"));
        await FakeSetup.MeetingAsync(fake, "setup-no-room", end: true, ("topic", "alpha"));
    }
}
