using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Reports;

namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class JudgementTests
{
    [Test]
    public void Of_AllPassedOrAllowed_IsConformant()
    {
        var judgement = Judgement.Of(null, [
            Samples.Result("a/response/x", Verdict.Passed),
            Samples.Result("a/response/y", Verdict.Inconclusive),
            Samples.Result("a/response/z", Verdict.KnownFailing)]);

        judgement.ExitCode.ShouldBe(ExitCodes.Conformant);
        judgement.Line.ShouldBe("conformant: 1 of 3 cases passed (1 inconclusive, 0 skipped, 1 known-failing)");
    }

    [Test]
    public void Of_AFailure_IsNotConformantAndNamesEveryFailedCase()
    {
        var judgement = Judgement.Of(null, [
            Samples.Result("b/response/y", Verdict.Failed),
            Samples.Result("a/response/x", Verdict.Failed),
            Samples.Result("a/response/z", Verdict.Passed)]);

        judgement.ExitCode.ShouldBe(ExitCodes.NotConformant);
        judgement.Line.ShouldBe("not conformant: 2 failed: a/response/x, b/response/y");
    }

    [Test]
    public void Of_AbortReason_CouldNotRunOnOneLine()
    {
        var judgement = Judgement.Of("The target cannot be reached:\nconnection refused.", []);

        judgement.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        judgement.Line.ShouldBe("could not run: The target cannot be reached: connection refused.");
    }

    [Test]
    public void Of_NoResults_CouldNotRun() =>
        Judgement.Of(null, []).ExitCode.ShouldBe(ExitCodes.CouldNotRun);

    [Test]
    public void Of_NothingVerified_CouldNotRun()
    {
        var judgement = Judgement.Of(null, [Samples.Result("a/response/x", Verdict.Inconclusive), Samples.Result("a/response/y", Verdict.Skipped)]);

        judgement.ExitCode.ShouldBe(ExitCodes.CouldNotRun);
        judgement.Line.ShouldBe("could not run: nothing was verified: 1 inconclusive, 1 skipped of 2 cases");
    }

    [TestCase("a/b: expected <x>\n  request: GET u", "a/b", "expected <x>")]
    [TestCase("expected <x>", "a/b", "expected <x>")]
    [TestCase("other/id: expected <x>", "a/b", "other/id: expected <x>")]
    public void Finding_IsTheFirstLineWithoutTheCaseId(string message, string id, string expected) =>
        Judgement.Finding(message, id).ShouldBe(expected);
}
