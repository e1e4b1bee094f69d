namespace Mconf.Packaging.Tests.Support;

/// <summary>The clone being tested: the nearest folder above the test assembly holding the solution file.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MconfConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MconfConformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
