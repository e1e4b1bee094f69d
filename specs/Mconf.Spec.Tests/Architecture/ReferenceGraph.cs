using System.Xml.Linq;

namespace Mconf.Spec.Tests.Architecture;

/// <summary>The project reference graph of the kit, read from every *.csproj, and the rules it must keep so data
/// flows one way (spec → fixtures → suite | fake → reports) and the suite never shares behaviour with the fake.</summary>
internal static class ReferenceGraph
{
    /// <summary>Every project of the kit with the projects it may reference directly. A new project, or a new
    /// edge, is a deliberate decision: add it here (and to ARCHITECTURE.md) in the same change.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The core: spec data, its loading, client-side signing, the tolerant reader. References nothing.
        ["Mconf.Spec"] = [],
        ["Mconf.Spec.Tests"] = ["Mconf.Spec"],
        ["Mconf.Fixtures"] = ["Mconf.Spec"],
        ["Mconf.Fixtures.Tests"] = ["Mconf.Fixtures", "Mconf.Spec"],
        // The suite talks to targets over HTTP only: never the fake.
        ["Mconf.Conformance"] = ["Mconf.Spec"],
        // The fake: server behaviour of its own, on the spec data.
        ["Mconf.Mock"] = ["Mconf.Spec"],
        ["Mconf.Mock.Host"] = ["Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Mock.Bench"] = ["Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Mock.Tests"] = ["Mconf.Mock", "Mconf.Spec"],
        // Composition roots: they put the suite in front of the embedded fake, they do not lend it code.
        ["Mconf.Conformance.Runner"] = ["Mconf.Conformance", "Mconf.Conformance.Explorer", "Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Conformance.Suite"] = ["Mconf.Conformance", "Mconf.Mock", "Mconf.Spec"],
        // Deliberately broken targets for the suite's own tests, built on the fake.
        ["Mconf.Conformance.TestTargets"] = ["Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Conformance.Tests"] = ["Mconf.Conformance", "Mconf.Conformance.TestTargets", "Mconf.Mock", "Mconf.Spec"],
        // The suite's power: the suite against answer mutants of the fake (a composition root), and the stateful
        // explorer, which is suite side and talks to its target over HTTP only.
        ["Mconf.Conformance.Power"] = ["Mconf.Conformance", "Mconf.Conformance.TestTargets", "Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Conformance.Explorer"] = ["Mconf.Spec"],
        ["Mconf.Conformance.Power.Tests"] = ["Mconf.Conformance.Power", "Mconf.Conformance.Explorer", "Mconf.Conformance.TestTargets", "Mconf.Conformance", "Mconf.Mock", "Mconf.Spec"],
        ["Mconf.Conformance.Runner.Tests"] = ["Mconf.Conformance.Runner", "Mconf.Conformance.TestTargets", "Mconf.Conformance", "Mconf.Mock", "Mconf.Spec"],
        // The sample client stands alone, as a client developer's code would.
        ["Mconf.Sample.Client"] = [],
        ["Mconf.Sample.Client.Tests"] = ["Mconf.Sample.Client", "Mconf.Mock", "Mconf.Spec"],
        // What a user installs is tested as a user gets it: from the packages and binaries, never the projects.
        ["Mconf.Packaging.Tests"] = [],
        ["Consumer.Tests"] = [],
    };

    /// <summary>Pairs (from, to) that must not be connected by any path, direct or transitive.</summary>
    public static readonly IReadOnlyList<(string From, string To)> NeverReachable =
    [
        ("Mconf.Conformance", "Mconf.Mock"),
        ("Mconf.Mock", "Mconf.Conformance"),
        ("Mconf.Conformance.Explorer", "Mconf.Mock"),
        ("Mconf.Spec", "Mconf.Fixtures"),
        ("Mconf.Fixtures", "Mconf.Mock"),
        ("Mconf.Fixtures", "Mconf.Conformance"),
        ("Mconf.Sample.Client", "Mconf.Spec"),
        ("Mconf.Sample.Client", "Mconf.Mock"),
    ];

    /// <summary>Direct references of each project under <paramref name="root"/> (bin/obj skipped), by project name.</summary>
    public static Dictionary<string, List<string>> Read(string root)
    {
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"));
        foreach (var file in files)
        {
            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(r => (string?)r.Attribute("Include") ?? "")
                .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/').Split('/')[^1]))
                .ToList();
            graph[Path.GetFileNameWithoutExtension(file)] = references;
        }

        return graph;
    }

    /// <summary>Every broken rule of <paramref name="graph"/>: unknown projects, edges not in
    /// <paramref name="allowed"/>, and forbidden pairs connected through any path.</summary>
    public static List<string> Violations(
        IReadOnlyDictionary<string, List<string>> graph,
        IReadOnlyDictionary<string, string[]> allowed,
        IReadOnlyList<(string From, string To)> neverReachable)
    {
        var problems = new List<string>();
        foreach (var (project, references) in graph.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!allowed.TryGetValue(project, out var mayReference))
            {
                problems.Add($"{project}: not in the allowed graph (add it deliberately)");
                continue;
            }

            problems.AddRange(references.Where(r => !mayReference.Contains(r, StringComparer.Ordinal)).Select(r => $"{project} -> {r}: reference not allowed"));
        }

        foreach (var (from, to) in neverReachable)
        {
            if (Reaches(graph, from, to))
            {
                problems.Add($"{from} reaches {to}: forbidden, directly or transitively");
            }
        }

        return problems;
    }

    private static bool Reaches(IReadOnlyDictionary<string, List<string>> graph, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || !graph.TryGetValue(current, out var next))
            {
                continue;
            }

            if (next.Contains(to, StringComparer.Ordinal))
            {
                return true;
            }

            next.ForEach(pending.Push);
        }

        return false;
    }
}
