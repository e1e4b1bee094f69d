namespace Mconf.Testing;

/// <summary>The one temp-folder helper of the kit's tests: a fresh folder under the system temp directory,
/// deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mconf-tests-");

    public string Path => _folder.FullName;

    /// <summary>A path inside the folder (the file need not exist).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The files directly in the folder, in ordinal order, so assertions do not depend on the file system.</summary>
    public string[] Files() => [.. Directory.GetFiles(Path).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
