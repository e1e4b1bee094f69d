namespace Mconf.Conformance.Tests.Support;

/// <summary>Builds cases for unit tests, and runs one against a canned target.</summary>
internal static class Cases
{
    /// <summary>A case with arguments typed as the generator writes them: a bool is a flag, a string array a list,
    /// anything else text.</summary>
    public static ConformanceCase Make(string id, string call, string kind, CaseTier tier = CaseTier.ReadOnly, params (string Key, object Value)[] args) =>
        new(id, id.Split('#')[0], Origin.MconfLive, call, kind, "title", "action", "requirement", new SourceRef("wiki", call, "quote"), tier,
            args.Aggregate(CaseArgs.None, (all, a) => a.Value switch
            {
                bool flag => all.With(a.Key, flag),
                string[] list => all.With(a.Key, list),
                _ => all.With(a.Key, a.Value.ToString() ?? ""),
            }));

    public static ConformanceCase Element(string call, string path, string type, string presence = "always", string parent = "", bool repeated = false, params string[] values) =>
        Make($"{call}/response/{path}", call, "element", CaseTier.ReadOnly,
            ("path", path), ("type", type), ("presence", presence), ("parent", parent), ("repeated", repeated), ("values", values));

    public static ConformanceCase Real(string id) => CaseCatalog.All.Single(c => c.Id == id);

    public static async Task<CaseResult> RunAsync(CannedTarget target, ConformanceCase c, CaseTier tier = CaseTier.Lifecycle)
    {
        await using var session = await ConformanceSession.OpenAsync(CannedTarget.Options(tier), default, target);
        return await session.RunCaseAsync(c);
    }

    /// <summary>Runs the catalogue's case <paramref name="id"/> read-only against a target answering <paramref name="call"/>
    /// with <paramref name="answer"/>.</summary>
    public static async Task<CaseResult> RunRealAsync(string id, string call, string answer)
    {
        using var target = new CannedTarget().Answer(call, answer);
        return await RunAsync(target, Real(id), CaseTier.ReadOnly);
    }
}
