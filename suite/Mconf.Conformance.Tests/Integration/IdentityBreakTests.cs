using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Tests.Integration;

/// <summary>The identity checks (getStats against the meeting and users the presence session made, a getStats list
/// against each meeting's own answer, the attendees against their joins, the session's recording's name and publish
/// state), each met by the generated answer mutant that breaks it: a run with the session played by the fake driver
/// fails that check's case. One fake (no auto-connect, as on a real server; past meetings with stats) behind one
/// proxy whose mutant each row swaps in.</summary>
public sealed class IdentityBreakTests
{
    private FakeMconfServer _fake = null!;
    private MutatingProxy _proxy = null!;
    private readonly MutationSwitch _switch = new();

    /// <summary>Mutant ID (<c>specId@operator</c>, as <see cref="AnswerMutants.All"/> names it) and the session case it must fail.</summary>
    private static readonly (string Mutant, string Case)[] Rows =
    [
        ("getStats/response/stats/meeting/meetingName@case-flip", "getStats/response/stats/meeting/meetingName#session-stats"),
        ("getStats/response/stats/meeting/meetingName@empty", "getStats/response/stats/meeting/meetingName#session-stats"),
        ("getStats/response/stats/meeting/recordID@case-flip", "getStats/response/stats/meeting/recordID#session-stats"),
        ("getStats/response/stats/meeting/recordID@empty", "getStats/response/stats/meeting/recordID#session-stats"),
        ("getStats/response/stats/meeting@duplicate", "getStats/response/stats/meeting#session-stats"),
        ("getStats/response/stats/meeting/participants/participant@duplicate", "getStats/response/stats/meeting/participants/participant#session-stats"),
        ("getStats/response/stats/meeting/participants/participant/userID@empty", "getStats/response/stats/meeting/participants/participant/userID#session-stats"),
        ("getMeetingInfo/response/attendees/attendee/fullName@sibling-value", "getMeetingInfo/response/attendees/attendee/fullName#session-join-viewer-listen-only"),
        ("getMeetingInfo/response/attendees/attendee/role@sibling-value", "getMeetingInfo/response/attendees/attendee/role#session-join-viewer-listen-only"),
        ("getRecordings/response/recordings/recording/name@case-flip", "getRecordings/response/recordings/recording/name#session-recording-name"),
        ("getRecordings/response/recordings/recording/name@empty", "getRecordings/response/recordings/recording/name#session-recording-name"),
        ("publishRecordings/response/published@drop", "publishRecordings/response/published#session-publish"),
        ("publishRecordings/response/published@case-flip", "publishRecordings/response/published#session-publish"),
        ("publishRecordings/response/published@duplicate", "publishRecordings/response/published#session-publish"),
        ("getRecordings/response/recordings/recording/published@stale", "getRecordings/response/recordings/recording/published#session-publish"),
        ("getStats/response/stats/meeting/meetingName@sibling-value", "getStats/request/meetingID#list"),
        ("getStats/response/stats/meeting/recordID@sibling-value", "getStats/request/meetingID#list"),
        ("getStats/response/stats/meeting/meetingID@sibling-value", "getStats/request/meetingID#list"),
    ];

    public static IEnumerable<TestCaseData> BreakRows() =>
        Rows.Select((r, i) => new TestCaseData(i).SetName($"The session fails {r.Case} on the mutant {r.Mutant}"));

    [OneTimeSetUp]
    public void StartTarget()
    {
        // Past meetings with stats, as on a server in use: a getStats list then has several meetings to tell apart.
        var options = PresenceTargets.EmptyOptions();
        options.StatsMeetings = BrokenTargets.DefaultOptions().StatsMeetings;
        _fake = FakeMconfServer.Start(options);
        _proxy = MutatingProxy.Start(_fake.BaseUrl, Mutations.Switchable(_switch));
    }

    [OneTimeTearDown]
    public void StopTarget()
    {
        _proxy.Dispose();
        _fake.Dispose();
    }

    [Test]
    public void Every_row_names_a_generated_mutant_and_a_session_case()
    {
        var mutants = AnswerMutants.All().Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Rows.Where(r => !mutants.Contains(r.Mutant)).ShouldBeEmpty("rows naming no generated mutant");
        Rows.Where(r => SessionCases.All.Concat(CaseCatalog.All).All(c => c.Id != r.Case)).ShouldBeEmpty("rows naming no case");
    }

    [TestCaseSource(nameof(BreakRows))]
    [CancelAfter(120_000)]
    public async Task A_mutant_breaking_a_session_check_fails_its_case(int index)
    {
        var (mutantId, caseId) = Rows[index];
        _switch.Current = AnswerMutants.All().Single(m => m.Id == mutantId).Create(_fake);
        RunOutcome outcome;
        try
        {
            outcome = await RunAsync(caseId);
        }
        finally
        {
            _switch.Current = null;
        }

        var result = outcome.Results.Single(r => r.Case.Id == caseId);
        result.Verdict.ShouldBe(Verdict.Failed, result.Message);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Unbroken_every_session_check_passes()
    {
        _switch.Current = null;
        var outcome = await RunAsync("getStats/request/meetingID#list");
        var cases = Rows.Select(r => r.Case).ToHashSet(StringComparer.Ordinal);
        outcome.Results.Where(r => r.Verdict != Verdict.Passed)
            .ShouldBeEmpty(SuiteRun.Describe(outcome.Results.Where(r => r.Verdict != Verdict.Passed)));
        outcome.Results.Count(r => cases.Contains(r.Case.Id)).ShouldBe(cases.Count);
    }

    /// <summary>The presence session, played by the fake driver, beside the regular case <paramref name="caseId"/> names
    /// (or one cheap case: a run needs one). Steps show at once on the fake, so a short step timeout bounds each wait.</summary>
    private async Task<RunOutcome> RunAsync(string caseId)
    {
        var options = DrivenRun.For(SuiteRun.Options(_proxy.BaseUrl, _fake.Secret), DrivenRun.Driver);
        options = options with { Presence = options.Presence! with { StepTimeout = TimeSpan.FromSeconds(3) } };
        var regular = CaseCatalog.All.FirstOrDefault(c => c.Id == caseId) ?? CaseCatalog.All.First(c => c.Kind == "envelope");
        var outcome = await SuiteRun.RunAsync(options, [regular]);
        outcome.AbortReason.ShouldBeNull();
        await TestContext.Out.WriteLineAsync(string.Join("\n", outcome.Results.Where(r => r.Verdict != Verdict.Passed).Select(r => $"[{r.Verdict}] {r.Case.Id}: {r.Message}")));
        return outcome;
    }
}
