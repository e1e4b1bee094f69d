using System.Xml.Linq;
using Mconf.Packaging.Tests.Support;

namespace Mconf.Packaging.Tests;

/// <summary>Once per test run (the set-up fixture of the root namespace, so of every test): builds what the kit
/// ships with the one documented command (<c>scripts/dist.sh</c>) into a temporary folder outside the
/// repository, and removes that folder at the end. Every test then works with these packages and binaries as a
/// user would, never with the repository's build output.</summary>
[SetUpFixture]
public sealed class Distribution
{
    private static string? _root;

    /// <summary>A private temporary folder outside the repository tree, removed after the run.</summary>
    public static string Root => _root ?? throw new InvalidOperationException("The distribution was not built.");

    public static string Packages => Path.Combine(Root, "dist", "packages");

    public static string Binaries => Path.Combine(Root, "dist", "linux-x64");

    /// <summary>The kit's one version (VersionPrefix in Directory.Build.props), which every package must carry.</summary>
    public static string KitVersion { get; } = ReadProperty("Directory.Build.props", "VersionPrefix");

    /// <summary>The version the kit pins for a package (Directory.Packages.props), so a consumer project restores
    /// what the kit's own restore already cached.</summary>
    public static string PinnedVersion(string package) =>
        XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        _root = Directory.CreateTempSubdirectory("mconf-packaging-").FullName;
        var started = TimeProvider.System.GetTimestamp();
        var dist = await ProgramRun.RunAsync(Path.Combine(RepoRoot.Path, "scripts", "dist.sh"), ["--out", Path.Combine(_root, "dist")],
            TimeSpan.FromMinutes(15));
        Assert.That(dist.ExitCode, Is.Zero, "scripts/dist.sh failed: " + dist.Describe());
        await TestContext.Progress.WriteLineAsync(
            $"scripts/dist.sh built in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s:\n{dist.Stdout.TrimEnd()}");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string ReadProperty(string file, string name) =>
        XDocument.Load(Path.Combine(RepoRoot.Path, file)).Descendants(name).Single().Value;
}
