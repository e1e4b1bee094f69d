namespace Mconf.Conformance.Runner.Tests.Reports;

public sealed class JudgementTests
{
    /// <summary>An abort reason and results, and the exit code and closing line they must give.</summary>
    public static IEnumerable<TestCaseData> Judged()
    {
        TestCaseData Row(string name, string? abortReason, (string Id, Verdict Verdict)[] results, int exitCode, string line) =>
            new TestCaseData(abortReason, results, exitCode, line).SetName(name);

        yield return Row("Of_AllPassedOrAllowed_IsConformant", null,
            [("a/response/x", Verdict.Passed), ("a/response/y", Verdict.Inconclusive), ("a/response/z", Verdict.KnownFailing)],
            ExitCodes.Conformant, "conformant: 1 of 3 cases passed (1 inconclusive, 0 skipped, 1 known-failing)");
        yield return Row("Of_AFailure_IsNotConformantAndNamesEveryFailedCase", null,
            [("b/response/y", Verdict.Failed), ("a/response/x", Verdict.Failed), ("a/response/z", Verdict.Passed)],
            ExitCodes.NotConformant, "not conformant: 2 failed: a/response/x, b/response/y");
        yield return Row("Of_AbortReason_CouldNotRunOnOneLine", "The target cannot be reached:\nconnection refused.", [],
            ExitCodes.CouldNotRun, "could not run: The target cannot be reached: connection refused.");
        yield return Row("Of_NothingVerified_CouldNotRun", null,
            [("a/response/x", Verdict.Inconclusive), ("a/response/y", Verdict.Skipped)],
            ExitCodes.CouldNotRun, "could not run: nothing was verified: 1 inconclusive, 1 skipped of 2 cases");
    }

    [TestCaseSource(nameof(Judged))]
    public void Of_GivesTheExitCodeAndClosingLine(string? abortReason, (string Id, Verdict Verdict)[] results, int exitCode, string line)
    {
        var judgement = Judgement.Of(abortReason, [.. results.Select(r => Samples.Result(r.Id, r.Verdict))]);

        judgement.ExitCode.ShouldBe(exitCode);
        judgement.Line.ShouldBe(line);
    }

    [Test]
    public void Of_NoResults_CouldNotRun() =>
        Judgement.Of(null, []).ExitCode.ShouldBe(ExitCodes.CouldNotRun);

    [TestCase("a/b: expected <x>\n  request: GET u", "a/b", "expected <x>")]
    [TestCase("expected <x>", "a/b", "expected <x>")]
    [TestCase("other/id: expected <x>", "a/b", "other/id: expected <x>")]
    public void Finding_IsTheFirstLineWithoutTheCaseId(string message, string id, string expected) =>
        Judgement.Finding(message, id).ShouldBe(expected);
}
