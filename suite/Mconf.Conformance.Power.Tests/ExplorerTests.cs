using Mconf.Conformance.Explorer;
using Mconf.Conformance.TestTargets;
using Mconf.Mock;

namespace Mconf.Conformance.Power.Tests;

/// <summary>The explorer keeps quiet on the correct fake, finds a bug the fake is seeded with (through the mutating
/// proxy) within its CI budget and shrinks it to at most five steps shown as requests and answers, and catches a
/// generated answer mutant.</summary>
[NonParallelizable]
public sealed class ExplorerTests
{
    private static ExplorerOptions Options(string url, string secret, int sequences = 150, long budget = 8000) => new()
    {
        TargetUrl = url,
        Secret = secret,
        Presence = true,
        Sequences = sequences,
        RequestBudget = budget,
        Seed = 17,
        RunTag = "ci",
    };

    private static FakeMconfServer StartFake()
    {
        var options = BrokenTargets.DefaultOptions();
        options.Meetings = 0;
        return FakeMconfServer.Start(options);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task OnTheCorrectFake_EverySequenceKeepsEveryInvariant_AndNothingIsLeftOpen(CancellationToken token)
    {
        using var fake = StartFake();
        var outcome = await Explorer.Explorer.RunAsync(Options(fake.BaseUrl, fake.Secret), token);
        outcome.Failure.ShouldBeNull(outcome.Failure?.ToString());
        outcome.SequencesRun.ShouldBe(150);
        outcome.BudgetSpent.ShouldBeFalse();
        outcome.Leftovers.ShouldBeEmpty();
        using var http = new HttpClient();
        var url = new Mconf.Spec.Signing.RequestSigner(fake.Secret).Url(Mconf.Spec.Signing.ApiEndpoint.Parse(fake.BaseUrl), "getMeetings", []);
        var list = Mconf.Spec.Xml.BbbResponse.Parse(await http.GetStringAsync(url, token));
        list.Select("meetings/meeting")
            .Where(m => Mconf.Spec.Xml.BbbResponse.Value(m, "meetingID")?.StartsWith("mconf-conformance-ci-explore-", StringComparison.Ordinal) == true)
            .Where(m => Mconf.Spec.Xml.BbbResponse.Value(m, "hasBeenForciblyEnded") != "true")
            .ShouldBeEmpty("every meeting the explorer created was ended");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task SeededBug_IsFound_AndShrunkToAtMostFiveSteps(CancellationToken token)
    {
        using var fake = StartFake();
        using var proxy = MutatingProxy.Start(fake.BaseUrl, Mutations.ParticipantCountOffAfterSecondJoin());
        var replay = await Explorer.Explorer.ReplayAsync(Options(proxy.BaseUrl, fake.Secret),
            [new Step("create", 0, 0, 0), new Step("join", 0, 0, 0), new Step("join", 0, 1, 1), new Step("getMeetingInfo", 0, 0, 0)], token);
        replay.ShouldNotBeNull("the hand-written sequence shows the seeded bug");
        await TestContext.Out.WriteLineAsync(replay.ToString());
        // 400 sequences: seeds 1 to 12 each found it, always shrunk to 4 steps (150 found it for 8 of the 12).
        var outcome = await Explorer.Explorer.RunAsync(Options(proxy.BaseUrl, fake.Secret, sequences: 400), token);
        await TestContext.Out.WriteLineAsync($"{outcome.SequencesRun} sequences, {outcome.Requests} requests\n{outcome.Failure}");
        outcome.Failure.ShouldNotBeNull("participantCount one too high after a second join was not found");
        outcome.Failure.Invariant.ShouldContain("participantCount");
        outcome.Failure.Steps.Count.ShouldBeLessThanOrEqualTo(5, outcome.Failure.ToString());
        outcome.Failure.Steps.Count(s => s.Op == "join").ShouldBe(2, "the bug needs exactly two joins");
        outcome.Failure.Transcript.ShouldContain("/api/join?");
        outcome.Failure.Transcript.ShouldContain("<participantCount>");
        outcome.Failure.Transcript.ShouldNotContain(fake.Secret);
        outcome.Leftovers.ShouldBeEmpty();
    }

    [TestCase("getMeetings/response/meetings/meeting/voiceParticipantCount@plus-one")]
    [TestCase("getMeetingInfo/response/participantCount#attendees@count-ignores-attendee")]
    [CancelAfter(120_000)]
    public async Task GeneratedMutant_IsFound(string mutantId, CancellationToken token)
    {
        using var fake = StartFake();
        var mutant = AnswerMutants.All().Single(m => m.Id == mutantId);
        using var proxy = MutatingProxy.Start(fake.BaseUrl, mutant.Create(fake));
        var outcome = await Explorer.Explorer.RunAsync(Options(proxy.BaseUrl, fake.Secret, sequences: 150), token);
        await TestContext.Out.WriteLineAsync(outcome.Failure?.ToString());
        outcome.Failure.ShouldNotBeNull($"{mutantId} was not found by the explorer");
    }
}
