namespace Mconf.Spec.Tests.Architecture;

/// <summary>The kit's project references keep the one-way flow (ARCHITECTURE.md): every *.csproj is parsed and each
/// edge checked against <see cref="ReferenceGraph.Allowed"/>; synthetic graphs prove the check fails when it must.</summary>
public sealed class ReferenceGraphTests
{
    [Test]
    public void TheRepositorysProjects_KeepTheAllowedGraph()
    {
        var graph = ReferenceGraph.Read(RepoRoot.Path);

        graph.Keys.ShouldContain("Mconf.Conformance");
        graph.Keys.ShouldContain("Mconf.Mock");
        ReferenceGraph.Violations(graph, ReferenceGraph.Allowed, ReferenceGraph.NeverReachable).ShouldBeEmpty();
    }

    [Test]
    public void EveryAllowedProject_Exists()
    {
        var graph = ReferenceGraph.Read(RepoRoot.Path);

        ReferenceGraph.Allowed.Keys.Where(p => !graph.ContainsKey(p)).ShouldBeEmpty("projects in the allowed graph that no longer exist");
    }

    [Test]
    public void TheSuiteReferencingTheFake_IsAViolation()
    {
        var graph = Synthetic(("Mconf.Conformance", ["Mconf.Spec", "Mconf.Mock"]));

        ReferenceGraph.Violations(graph, ReferenceGraph.Allowed, ReferenceGraph.NeverReachable)
            .ShouldBe(["Mconf.Conformance -> Mconf.Mock: reference not allowed", "Mconf.Conformance reaches Mconf.Mock: forbidden, directly or transitively"]);
    }

    [Test]
    public void AForbiddenPathThroughAnAllowedEdge_IsAViolation()
    {
        // Even if someone allowed Conformance -> Fixtures, a Fixtures -> Mock edge would put the fake behind the suite.
        var allowed = new Dictionary<string, string[]>(ReferenceGraph.Allowed, StringComparer.Ordinal)
        {
            ["Mconf.Conformance"] = ["Mconf.Spec", "Mconf.Fixtures"],
            ["Mconf.Fixtures"] = ["Mconf.Spec", "Mconf.Mock"],
        };
        var graph = Synthetic(("Mconf.Conformance", ["Mconf.Spec", "Mconf.Fixtures"]), ("Mconf.Fixtures", ["Mconf.Spec", "Mconf.Mock"]));

        ReferenceGraph.Violations(graph, allowed, ReferenceGraph.NeverReachable).ShouldBe(
        [
            "Mconf.Conformance reaches Mconf.Mock: forbidden, directly or transitively",
            "Mconf.Fixtures reaches Mconf.Mock: forbidden, directly or transitively",
        ]);
    }

    [Test]
    public void AnUnknownProject_IsAViolation() =>
        ReferenceGraph.Violations(Synthetic(("Mconf.Shortcut", ["Mconf.Mock"])), ReferenceGraph.Allowed, ReferenceGraph.NeverReachable)
            .ShouldBe(["Mconf.Shortcut: not in the allowed graph (add it deliberately)"]);

    [Test]
    public void TheSpecReferencingAnything_IsAViolation() =>
        ReferenceGraph.Violations(Synthetic(("Mconf.Spec", ["Mconf.Fixtures"])), ReferenceGraph.Allowed, ReferenceGraph.NeverReachable)
            .ShouldBe(["Mconf.Spec -> Mconf.Fixtures: reference not allowed", "Mconf.Spec reaches Mconf.Fixtures: forbidden, directly or transitively"]);

    /// <summary>The allowed graph itself, with some projects' references replaced.</summary>
    private static Dictionary<string, List<string>> Synthetic(params (string Project, string[] References)[] overrides)
    {
        var graph = ReferenceGraph.Allowed.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach (var (project, references) in overrides)
        {
            graph[project] = [.. references];
        }

        return graph;
    }
}
