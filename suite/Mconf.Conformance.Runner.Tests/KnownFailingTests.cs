namespace Mconf.Conformance.Runner.Tests;

public sealed class KnownFailingTests
{
    private static KnownFailingList CreateSut() => KnownFailingList.ParseLines(
        """
        # server 1.2 has no getStats yet
        getStats/*                    no getStats before 1.3 (TICKET-12)
        create/response/voiceBridge   https://tracker.example/42

        """, "known.txt");

    [Test]
    public void ParseLines_SkipsCommentsAndBlankLines_KeepsLineNumbers()
    {
        var list = CreateSut();

        list.Entries.Select(e => (e.Pattern, e.Reason, e.Line)).ShouldBe(
        [
            ("getStats/*", "no getStats before 1.3 (TICKET-12)", (int?)2),
            ("create/response/voiceBridge", "https://tracker.example/42", (int?)3),
        ]);
    }

    [Test]
    public void ParseLines_EntryWithoutReason_IsRejectedWithItsLine()
    {
        var ex = Should.Throw<InvalidDataException>(() => KnownFailingList.ParseLines("# c\njoin/request/guest#true\n", "kf.txt"));

        ex.Message.ShouldContain("kf.txt line 2");
    }

    [Test]
    public void ParseJson_ReadsAnObjectOfIdToReason()
    {
        var list = KnownFailingList.ParseJson("""{ "getStats/*": "not yet", "join/request/guest#upper": "case-sensitive" }""", "kf.json");

        list.Match("getStats/response/stats")!.Reason.ShouldBe("not yet");
        list.Match("join/request/guest#upper")!.Reason.ShouldBe("case-sensitive");
    }

    [TestCase("[]")]
    [TestCase("""{ "getStats/*": "" }""")]
    [TestCase("""{ "getStats/*": 3 }""")]
    [TestCase("{ nope")]
    public void ParseJson_Malformed_IsRejected(string json) =>
        Should.Throw<InvalidDataException>(() => KnownFailingList.ParseJson(json, "kf.json"));

    [Test]
    public void Apply_ListedCaseThatFails_IsKnownFailingWithTheReason()
    {
        var result = CreateSut().Apply(Samples.Result("create/response/voiceBridge", Verdict.Failed, "element missing"));

        result.Verdict.ShouldBe(Verdict.KnownFailing);
        result.Message.ShouldBe("known failing (https://tracker.example/42): element missing");
    }

    [Test]
    public void Apply_ListedCaseThatPasses_FailsAsStale()
    {
        var result = CreateSut().Apply(Samples.Result("create/response/voiceBridge", Verdict.Passed));

        result.Verdict.ShouldBe(Verdict.Failed);
        result.Message.ShouldContain("stale known-failing entry 'create/response/voiceBridge' (known.txt line 3)");
    }

    [Test]
    public void Apply_GlobEntry_JudgesEveryCaseItMatches()
    {
        var list = CreateSut();

        list.Apply(Samples.Result("getStats/response/stats", Verdict.Failed)).Verdict.ShouldBe(Verdict.KnownFailing);
        list.Apply(Samples.Result("getStats/request/meetingID#one", Verdict.Passed)).Verdict.ShouldBe(Verdict.Failed);
    }

    [TestCase(Verdict.Inconclusive)]
    [TestCase(Verdict.Skipped)]
    public void Apply_ListedCaseNeitherPassingNorFailing_IsLeftAlone(Verdict verdict) =>
        CreateSut().Apply(Samples.Result("getStats/response/stats", verdict)).Verdict.ShouldBe(verdict);

    [Test]
    public void Apply_UnlistedCase_IsLeftAlone()
    {
        var result = Samples.Result("join/request/guest#true", Verdict.Failed, "x");

        CreateSut().Apply(result).ShouldBeSameAs(result);
    }

    [Test]
    public void Match_ExactIdWinsOverAnEarlierGlob()
    {
        var list = KnownFailingList.ParseLines("getStats/* glob\ngetStats/response/stats exact\n", "kf");

        list.Match("getStats/response/stats")!.Reason.ShouldBe("exact");
    }

    [Test]
    public void Unmatched_NamesEntriesThatMatchNoCase()
    {
        var unmatched = CreateSut().Unmatched(["create/response/voiceBridge", "join/request/guest#true"]).ToList();

        unmatched.Select(e => e.Pattern).ShouldBe(["getStats/*"]);
    }

    [TestCase("getStats/*", "getStats/request/meetingID#one", true)]
    [TestCase("*#echo", "create/response/voiceBridge#echo", true)]
    [TestCase("get*/response/*/voiceBridge", "getMeetings/response/meetings/meeting/voiceBridge", true)]
    [TestCase("getRecordings/request/meta_*", "getRecordings/request/meta_*#one", true)]
    [TestCase("create/*", "getMeetings/response/meetings/meeting/voiceBridge", false)]
    [TestCase("Create/*", "create/response/voiceBridge", true)]
    [TestCase("a*b*c", "abc", true)]
    [TestCase("a*b*c", "acb", false)]
    [TestCase("ab*ba", "aba", false)]
    public void Matches_GlobsMeanWhatTheyMeanForOnlyAndSkip(string pattern, string id, bool expected) =>
        new KnownFailingEntry(pattern, "reason", 1).Matches(id).ShouldBe(expected);
}
