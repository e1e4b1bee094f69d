using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests;

/// <summary>The rule kinds are defined once, in specs/spec.schema.json; the suite implements exactly those (plus
/// <c>element</c>, the kind of the generated per-element cases, which no rule names).</summary>
public sealed class RuleKindSchemaTests
{
    private const string ElementKind = "element";

    [Test]
    public void CaseKinds_ImplementExactlyTheSchemasRuleKinds()
    {
        var defined = RuleKindSchema.Read(RepoRoot.Read("specs/spec.schema.json")).Keys.Order(StringComparer.Ordinal).ToList();
        var implemented = CaseKinds.Names.Where(k => k != ElementKind).Order(StringComparer.Ordinal).ToList();

        implemented.Except(defined).ShouldBeEmpty("kinds the suite implements but spec.schema.json does not define");
        defined.Except(implemented).ShouldBeEmpty("kinds spec.schema.json defines but the suite does not implement");
    }

    [Test]
    public void TheSuiteReadmesKindTable_ListsExactlyTheImplementedKinds()
    {
        var readme = RepoRoot.Read("suite/README.md");
        var table = readme[readme.IndexOf("## What each case kind checks", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = table.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .Order(StringComparer.Ordinal);

        documented.ShouldBe(CaseKinds.Names.Order(StringComparer.Ordinal));
    }

    [Test]
    public void EveryImplementedKind_IsFoundByName() =>
        CaseKinds.Names.Where(k => CaseKinds.Find(k)?.Kind != k).ShouldBeEmpty();

    [Test]
    public void ASchemaWhoseEnumAndBranchesDisagree_IsRejected()
    {
        const string schema = """
            {"$defs":{"rule":{"properties":{"kind":{"enum":["a","b"]}},
              "allOf":[{"if":{"properties":{"kind":{"const":"a"}}},"then":{"properties":{"args":{"required":["x"]}}}}]}}}
            """;

        Should.Throw<InvalidDataException>(() => RuleKindSchema.Read(schema)).Message.ShouldContain("b");
    }
}
