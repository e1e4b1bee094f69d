using System.Xml.Linq;
using Mconf.Packaging.Tests.Support;

namespace Mconf.Packaging.Tests;

/// <summary>A user's own NUnit project, created outside the repository, references Mconf.Mock and Mconf.Conformance
/// from the package folder (never the kit's projects), calls FakeMconfServer.Start() and runs conformance cases.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsumerProjectTests
{
    [Test]
    public async Task ConsumerProject_OutsideTheRepository_BuildsAndPassesAgainstThePackages()
    {
        var sandbox = await NuGetSandbox.CreateAsync("consumer");
        foreach (var file in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "consumer")))
        {
            File.Copy(file, Path.Combine(sandbox.Folder, Path.GetFileName(file)));
        }

        Path.GetFullPath(sandbox.Folder).ShouldNotStartWith(RepoRoot.Path, customMessage: "the consumer must not see the kit's build files");
        var results = Path.Combine(sandbox.Folder, "results");
        var test = await ProgramRun.RunAsync("dotnet",
            [
                "test", "Consumer.Tests.csproj", "-nodeReuse:false",
                $"-p:MconfKitVersion={Distribution.KitVersion}",
                $"-p:TestSdkVersion={Distribution.PinnedVersion("Microsoft.NET.Test.Sdk")}",
                $"-p:NUnitVersion={Distribution.PinnedVersion("NUnit")}",
                $"-p:NUnitAdapterVersion={Distribution.PinnedVersion("NUnit3TestAdapter")}",
                "--logger", "trx;LogFileName=consumer.trx", "--results-directory", results,
            ],
            TimeSpan.FromMinutes(6), workingDirectory: sandbox.Folder, environment: sandbox.Environment);
        test.ExitCode.ShouldBe(0, "the consumer project failed: " + test.Describe());

        var trx = XDocument.Load(Path.Combine(results, "consumer.trx"));
        XNamespace ns = trx.Root!.Name.Namespace;
        var outcomes = trx.Descendants(ns + "UnitTestResult")
            .ToDictionary(r => (string)r.Attribute("testName")!, r => (string)r.Attribute("outcome")!, StringComparer.Ordinal);
        outcomes.ShouldContainKeyAndValue("TheFakeAnswersTheApiRoot_AndASignedCall", "Passed");
        outcomes.Keys.Count(k => k.StartsWith("getStats/", StringComparison.Ordinal)).ShouldBeGreaterThan(5, "the engine package's getStats cases ran in the consumer");
        outcomes.Values.ShouldNotContain("Failed");
        outcomes.Count(o => o.Value == "Passed").ShouldBeGreaterThan(2);

        // The packages came from the distribution folder, not from a cache of an earlier build.
        Directory.Exists(Path.Combine(sandbox.PackagesFolder, "mconf.mock", Distribution.KitVersion)).ShouldBeTrue();
    }
}
