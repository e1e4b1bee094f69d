using Mconf.Conformance.Model;
using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Presence;

/// <summary>The presence session's checks as conformance cases, reported under the spec IDs of the deltas they
/// verify (<c>&lt;spec id&gt;#session-&lt;step&gt;</c>), so the delta table counts them like any other case.</summary>
public static class SessionCases
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
        "mconf-live",
        specId.Split('/')[0],
        Kind,
        $"presence session, {step}: {requirement}",
        action,
        requirement,
        SourceOf(specId),
        ConformanceCase.LifecycleTier,
        new Dictionary<string, string>());

    private static SourceRef SourceOf(string specId)
    {
        var spec = SpecCatalog.Load();
        if (spec.TryGetCall(specId.Split('/')[0], out var call))
        {
            var source = call.Response.FirstOrDefault(e => e.Id == specId)?.Source ?? call.Params.FirstOrDefault(p => p.Id == specId)?.Source;
            if (source is not null)
            {
                return source;
            }
        }

        return new SourceRef("reference", "6", "");
    }
}
