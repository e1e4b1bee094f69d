using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>The suite and the runner judge and report from the generated fixtures only (cases, expected messages,
/// the delta list): neither assembly may refer to the spec catalogue, or a run would depend on what the spec says
/// today rather than on what the fixtures, checked against it by the drift guard, were generated from. Read from
/// each assembly's metadata, so a use anywhere in the code counts, called or not.</summary>
public sealed class SpecIndependenceTests
{
    private static readonly string Catalogue = typeof(SpecCatalog).FullName!;

    [Test]
    public void TheSuiteAndTheRunner_DoNotReferToTheSpecCatalogue()
    {
        ReferencedTypes(typeof(CaseCatalog).Assembly.Location).ShouldNotContain(Catalogue, "Mconf.Conformance refers to the spec catalogue");
        ReferencedTypes(typeof(DeltaTable).Assembly.Location).ShouldNotContain(Catalogue, "Mconf.Conformance.Runner refers to the spec catalogue");
    }

    [Test]
    public void AnAssemblyThatLoadsTheCatalogue_IsCaught() =>
        // This test assembly compares reports with the spec on purpose: the reading must see that.
        ReferencedTypes(typeof(SpecIndependenceTests).Assembly.Location).ShouldContain(Catalogue);

    private static HashSet<string> ReferencedTypes(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeReferences
            .Select(handle => reader.GetTypeReference(handle))
            .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")
            .ToHashSet(StringComparer.Ordinal);
    }
}
