namespace Mconf.Packaging.Tests.Support;

/// <summary>A NuGet setup private to one test: its own packages folder (so a package of the kit's version cached
/// by an earlier run is never taken for the one just built) and a nuget.config whose only sources are the
/// distribution's package folder and, for third-party packages, the machine's global packages folder, which the
/// kit's own restore has filled. So restores here need no network and see exactly the packages just built.</summary>
internal sealed class NuGetSandbox
{
    private NuGetSandbox(string folder, string configFile)
    {
        Folder = folder;
        ConfigFile = configFile;
    }

    /// <summary>The working folder, holding the nuget.config.</summary>
    public string Folder { get; }

    public string ConfigFile { get; }

    /// <summary>The private global packages folder; beside <see cref="Folder"/>, not in it, where a project's
    /// default <c>**/*.cs</c> glob would compile the source files some packages carry.</summary>
    public string PackagesFolder => Folder + "-nuget-packages";

    /// <summary>The environment a dotnet command needs to use this sandbox.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    public static async Task<NuGetSandbox> CreateAsync(string name)
    {
        var folder = Path.Combine(Distribution.Root, name);
        Directory.CreateDirectory(folder);
        var configFile = Path.Combine(folder, "nuget.config");
        var machineCache = await GlobalPackagesFolderAsync();
        await File.WriteAllTextAsync(configFile, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="kit-dist" value="{Distribution.Packages}" />
                <add key="machine-cache" value="{machineCache}" />
              </packageSources>
            </configuration>
            """);
        return new NuGetSandbox(folder, configFile);
    }

    private static async Task<string> GlobalPackagesFolderAsync()
    {
        var result = await ProgramRun.RunAsync("dotnet", ["nuget", "locals", "global-packages", "--list"], TimeSpan.FromMinutes(1));
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        // "global-packages: /root/.nuget/packages/"
        return result.Stdout.Trim().Split(": ", 2)[1].Trim();
    }
}
