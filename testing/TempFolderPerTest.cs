namespace Mconf.Testing;

/// <summary>A fresh <see cref="TempDirectory"/> per test, deleted after it, so no test reads another's files.</summary>
public abstract class TempFolderPerTest
{
    private protected TempDirectory Folder { get; private set; } = null!;

    [SetUp]
    public void CreateFolder() => Folder = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => Folder.Dispose();
}
