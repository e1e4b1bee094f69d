namespace Mconf.Conformance.Runner.Tests.Support;

/// <summary>Files of the kit itself, found from the test directory upwards.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "run-conformance.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run-conformance.sh not found above the test directory");
    }

    /// <summary>The kit's presence driver for its fake (suite/drivers/fake-driver.sh).</summary>
    public static string FakeDriver => Path.Combine(Root(), "suite", "drivers", "fake-driver.sh");
}
