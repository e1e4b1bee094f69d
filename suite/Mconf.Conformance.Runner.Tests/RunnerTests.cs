namespace Mconf.Conformance.Runner.Tests;

public sealed class RunnerTests
{
    [TestCase("0.1.0", "0.1.0")]
    [TestCase("0.1.0+94d8a0e18aea56a1fc249dc8c9645c420262cb9f", "0.1.0+94d8a0e18aea")]
    [TestCase("0.1.0+abc", "0.1.0+abc")]
    public void ShortenRevision_CutsTheCommitTo12Digits(string version, string expected) =>
        Runner.ShortenRevision(version).ShouldBe(expected);

    [Test]
    public void KitVersion_IsTheProjectVersion() =>
        Runner.KitVersion.ShouldStartWith("0.1.0");
}
