namespace Mconf.Spec.Tests;

/// <summary>Locates the repository from the test output folder, so tests read the spec files that are checked
/// in rather than copies.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot(TestContext.CurrentContext.TestDirectory));

    /// <summary>The repository root: the nearest folder above the tests holding MconfConformance.sln or specs/calls.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The <c>specs/</c> folder of the repository.</summary>
    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>Walks up from <paramref name="start"/> to the repository root.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MconfConformance.sln"))
                || Directory.Exists(Path.Combine(dir.FullName, "specs", "calls")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{start}' contains MconfConformance.sln or specs/calls; cannot find the repository root.");
    }
}
