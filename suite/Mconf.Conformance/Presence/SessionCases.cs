using Mconf.Conformance.Model;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Presence;

/// <summary>The presence session's checks as conformance cases, reported under the spec IDs of the deltas they
/// verify (<c>&lt;spec id&gt;#session-&lt;step&gt;</c>), so the delta table counts them like any other case.</summary>
internal static class SessionCases
{
    public const string Kind = "presence-session";

    private static readonly Lazy<IReadOnlyList<ConformanceCase>> Every = new(() =>
    [
        .. PresenceSteps.All.SelectMany(s => s.Checks.Select(c => Create(c.SpecId, s.Action, c.Requirement, s.Instruction))),
        .. SessionAftermath.Checks.Select(c => Create(c.SpecId, c.Step, c.Requirement, c.Action)),
    ]);

    /// <summary>Every session case, whether or not a session ran.</summary>
    public static IReadOnlyList<ConformanceCase> All => Every.Value;

    internal static ConformanceCase Find(string specId, string step) =>
        All.Single(c => c.Id == Id(specId, step));

    internal static string Id(string specId, string step) => $"{specId}#session-{step}";

    private static ConformanceCase Create(string specId, string step, string requirement, string action) => new(
        Id(specId, step),
        specId,
        Origin.MconfLive,
        specId.Split('/')[0],
        Kind,
        $"presence session, {step}: {requirement}",
        action,
        requirement,
        SourceOf(specId),
        CaseTier.Lifecycle,
        CaseArgs.None);

    // The source comes from the generated cases of the same spec ID, so the session cites what the spec cites and
    // never loads the spec itself; a check of an ID with no generated case is a wiring error, not a guess.
    private static SourceRef SourceOf(string specId) =>
        CaseCatalog.All.FirstOrDefault(c => c.SpecId == specId)?.Source
        ?? throw new InvalidOperationException($"The presence session checks {specId}, which no generated case covers.");
}
