using Mconf.Spec.Signing;

namespace Mconf.Spec.Tests.Signing;

// The published vectors live in fixtures/checksums/vectors.json: Mconf.Fixtures.Tests checks the compute vectors
// against the signing core, Mconf.Mock.Tests the verify vectors against the fake. These cover algorithm names.
public sealed class ChecksumTests
{
    [TestCase("sha1", ChecksumAlgorithm.Sha1)]
    [TestCase("SHA-256", ChecksumAlgorithm.Sha256)]
    [TestCase("sha384", ChecksumAlgorithm.Sha384)]
    [TestCase(" Sha512 ", ChecksumAlgorithm.Sha512)]
    public void TryParse_ReadsAlgorithmNames(string text, ChecksumAlgorithm expected)
    {
        ChecksumAlgorithms.TryParse(text, out var algorithm).ShouldBeTrue();
        algorithm.ShouldBe(expected);
    }

    [TestCase("md5")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_RejectsUnknownNames(string? text) => ChecksumAlgorithms.TryParse(text, out _).ShouldBeFalse();
}
