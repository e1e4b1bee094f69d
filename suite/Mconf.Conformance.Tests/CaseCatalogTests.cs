namespace Mconf.Conformance.Tests;

public sealed class CaseCatalogTests
{
    [Test]
    public void All_LoadsTheEmbeddedFixtures()
    {
        CaseCatalog.All.Count.ShouldBeGreaterThan(100);
        CaseCatalog.All.Select(c => c.Id).Distinct().Count().ShouldBe(CaseCatalog.All.Count);
    }

    [Test]
    public void All_EveryCaseHasAKnownKind() =>
        CaseCatalog.All.Where(c => global::Mconf.Conformance.Kinds.CaseKinds.Find(c.Kind) is null).Select(c => c.Id).ShouldBeEmpty();

    [Test]
    public void Select_GlobsOverIds()
    {
        var create = CaseCatalog.Select(["create/*"], []);
        create.ShouldNotBeEmpty();
        create.ShouldAllBe(c => c.Id.StartsWith("create/", StringComparison.Ordinal));

        var withoutEcho = CaseCatalog.Select(["create/*"], ["*#echo"]);
        withoutEcho.Count.ShouldBeLessThan(create.Count);
        withoutEcho.ShouldAllBe(c => !c.Id.EndsWith("#echo", StringComparison.Ordinal));

        CaseCatalog.Select([], []).Count.ShouldBe(CaseCatalog.All.Count);
        CaseCatalog.Select(["getRecordings/request/meta_*#one"], []).Single().Id.ShouldBe("getRecordings/request/meta_*#one");
    }

    [Test]
    public void Parse_ReadsCamelCaseFixtures()
    {
        const string json = """
            [{"id":"x/response/a","specId":"x/response/a","layer":"bbb-0.9","call":"x","kind":"element","title":"t",
              "action":"a","requirement":"r","source":{"doc":"reference","section":"1","quote":"q"},"tier":"read-only",
              "args":{"path":"a","type":"Number"}}]
            """;
        var c = CaseCatalog.Parse(json, "inline").Single();
        c.Arg("type").ShouldBe("Number");
        c.Source.Section.ShouldBe("1");
    }

    [Test]
    public void Normalise_RejectsDuplicateIds()
    {
        var c = CaseCatalog.All[0];
        Should.Throw<InvalidDataException>(() => CaseCatalog.Normalise([c, c])).Message.ShouldContain(c.Id);
    }
}
