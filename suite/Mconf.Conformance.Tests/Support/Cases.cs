using Mconf.Conformance.Model;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Tests.Support;

/// <summary>Builds cases for unit tests, and runs one against a canned target.</summary>
internal static class Cases
{
    public static ConformanceCase Make(string id, string call, string kind, string tier = "read-only", params (string Key, string Value)[] args) =>
        new(id, id.Split('#')[0], "mconf-live", call, kind, "title", "action", "requirement", new SourceRef("wiki", call, "quote"), tier,
            args.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    public static ConformanceCase Element(string call, string path, string type, string presence = "always", string parent = "", bool repeated = false, string values = "") =>
        Make($"{call}/response/{path}", call, "element", "read-only",
            ("path", path), ("type", type), ("presence", presence), ("parent", parent), ("repeated", repeated ? "true" : "false"), ("values", values));

    public static ConformanceCase Real(string id) => CaseCatalog.All.Single(c => c.Id == id);

    public static async Task<CaseResult> RunAsync(CannedTarget target, ConformanceCase c, string tier = "lifecycle")
    {
        await using var session = await ConformanceSession.OpenAsync(CannedTarget.Options(tier), default, target);
        return await session.RunCaseAsync(c);
    }

    /// <summary>Runs the catalogue's case <paramref name="id"/> read-only against a target answering <paramref name="call"/>
    /// with <paramref name="answer"/>.</summary>
    public static async Task<CaseResult> RunRealAsync(string id, string call, string answer)
    {
        using var target = new CannedTarget().Answer(call, answer);
        return await RunAsync(target, Real(id), "read-only");
    }
}
