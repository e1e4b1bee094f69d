namespace Mconf.Testing;

/// <summary>The one way the kit's tests (and the fixtures generator) find the repository: the nearest folder at or
/// above a start folder that holds MconfConformance.sln. Linked as source into each project that needs it, so
/// tests read the files that are checked in, never copies.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> LazyPath = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The repository root above the running assembly.</summary>
    public static string Path => LazyPath.Value;

    /// <summary>A path below the repository root, written with forward slashes.</summary>
    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>The text of a checked-in file.</summary>
    public static string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>Walks up from <paramref name="start"/> to the folder holding MconfConformance.sln.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "MconfConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder at or above '{start}' holds MconfConformance.sln; cannot find the repository.");
    }
}
