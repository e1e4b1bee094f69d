using Mconf.Conformance.TestTargets;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>The opt-in --explore N tier: quiet and conformant on the correct fake; not conformant, with the minimal
/// sequence's requests shown, on a target with a bug only a sequence of calls shows; refused on the read-only tier.</summary>
public sealed class ExploreTierTests : TempFolderPerTest
{
    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_OnTheEmbeddedFake_IsConformant()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--only", "index/*", "--explore", "20");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        run.Stdout.ShouldContain("explore: 20 sequences");
        run.Stdout.ShouldContain("every invariant held");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Explore_OnATargetWithASequenceBug_IsNotConformant_AndShowsTheRequests()
    {
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), Mutations.ParticipantCountOffAfterSecondJoin());

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret, "--only", "index/*", "--explore", "400");

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        run.Stdout.ShouldContain("an invariant broke");
        run.Stdout.ShouldContain("/api/join?");
        run.Stdout.ShouldNotContain(target.Secret);
        run.LastLine.ShouldContain("participantCount");
    }

    [Test]
    public async Task Explore_OnTheReadOnlyTier_CouldNotRun()
    {
        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--tier", "read-only", "--explore", "5");

        run.ExitCode.ShouldBe(ExitCodes.CouldNotRun, run.Console);
        run.Console.ShouldContain("--explore creates meetings");
    }
}
