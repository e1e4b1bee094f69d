using System.IO.Compression;
using System.Xml.Linq;
using Mconf.Packaging.Tests.Support;

namespace Mconf.Packaging.Tests;

/// <summary>Every package scripts/dist.sh makes carries the kit's version, complete metadata, its README and symbols.</summary>
[TestFixture]
public sealed class PackageMetadataTests
{
    public static readonly string[] PackageIds = ["Mconf.Spec", "Mconf.Mock", "Mconf.Conformance", "Mconf.Conformance.Tool"];

    [Test]
    public void Dist_MakesExactlyTheKitsPackages_EachWithItsSymbols()
    {
        var files = Directory.GetFiles(Distribution.Packages).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = PackageIds.SelectMany(id => new[] { $"{id}.{Distribution.KitVersion}.nupkg", $"{id}.{Distribution.KitVersion}.snupkg" });
        files.ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [TestCaseSource(nameof(PackageIds))]
    public void Package_HasCompleteMetadata(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        var metadata = Nuspec(package);
        string Element(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? "";

        Element("id").ShouldBe(id);
        Element("version").ShouldBe(Distribution.KitVersion);
        Element("description").Length.ShouldBeGreaterThan(80, "a description that tells a user what the package is for");
        Element("authors").ShouldNotBeNullOrWhiteSpace();
        Element("license").ShouldNotBeNullOrWhiteSpace();
        Element("projectUrl").ShouldStartWith("https://");
        Element("tags").Split(' ').ShouldContain("mconf-live");
        var repository = metadata.Element(metadata.Name.Namespace + "repository");
        repository.ShouldNotBeNull("repository metadata");
        ((string?)repository.Attribute("type")).ShouldBe("git");
        ((string?)repository.Attribute("url")).ShouldStartWith("https://");

        Element("readme").ShouldBe("README.md");
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        text.ShouldStartWith("# " + id);
        text.ShouldContain("```", customMessage: "the README shows how to use the package");
    }

    [TestCaseSource(nameof(PackageIds))]
    public void SymbolsPackage_HoldsThePdbOfEveryAssemblyItShips(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(PackagePath(id), ".snupkg"));
        var assemblies = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => Path.ChangeExtension(e.FullName, ".pdb")).ToList();
        var pdbs = symbols.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
        if (id.EndsWith(".Tool", StringComparison.Ordinal))
        {
            pdbs.ShouldContain(p => p.EndsWith("/mconf-conformance.pdb", StringComparison.Ordinal));
            return;
        }

        assemblies.ShouldNotBeEmpty();
        pdbs.ShouldBe(assemblies, ignoreOrder: true);
    }

    [Test]
    public void ToolPackage_IsADotnetToolNamedMconfConformance()
    {
        using var package = ZipFile.OpenRead(PackagePath("Mconf.Conformance.Tool"));
        var metadata = Nuspec(package);
        metadata.Descendants(metadata.Name.Namespace + "packageType").Select(e => (string?)e.Attribute("name")).ShouldContain("DotnetTool");
        var settings = package.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        XDocument.Load(stream).Descendants("Command").Select(c => (string?)c.Attribute("Name")).ShouldBe(["mconf-conformance"]);
    }

    [Test]
    public void LibraryPackages_DependOnEachOtherAsPackages_AtTheKitsVersion()
    {
        Dependencies("Mconf.Mock").ShouldContain(("Mconf.Spec", Distribution.KitVersion));
        Dependencies("Mconf.Conformance").ShouldContain(("Mconf.Spec", Distribution.KitVersion));
        Dependencies("Mconf.Conformance").Select(d => d.Id).ShouldNotContain("Mconf.Mock", "the engine talks HTTP only; it never needs the fake");
    }

    private static string PackagePath(string id) => Path.Combine(Distribution.Packages, $"{id}.{Distribution.KitVersion}.nupkg");

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static List<(string Id, string Version)> Dependencies(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        var metadata = Nuspec(package);
        return [.. metadata.Descendants(metadata.Name.Namespace + "dependency")
            .Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!))];
    }
}
