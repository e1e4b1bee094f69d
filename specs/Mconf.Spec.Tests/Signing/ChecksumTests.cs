using Mconf.Spec.Signing;

namespace Mconf.Spec.Tests.Signing;

// The published vectors live in fixtures/checksums/vectors.json and are checked by Mconf.Fixtures.Tests; these
// tests cover the mechanics around them.
public sealed class ChecksumTests
{
    private const string Secret = "s3cr3t";

    [Test]
    public void Strip_RemovesThePairWhereverItStands()
    {
        Checksum.Strip("a=1&checksum=X&b=2", "X").ShouldBe("a=1&b=2");
        Checksum.Strip("checksum=X&a=1", "X").ShouldBe("a=1");
        Checksum.Strip("a=1&checksum=X", "X").ShouldBe("a=1");
        Checksum.Strip("checksum=X", "X").ShouldBe("");
    }

    [Test]
    public void Verify_AcceptsWhatRequestSignerProduces_ForEveryAlgorithm()
    {
        foreach (var algorithm in ChecksumAlgorithms.All)
        {
            var query = new RequestSigner(Secret, algorithm).SignedQuery("create", [new("meetingID", "m 1"), new("name", "Café & co")]);

            Checksum.Verify("create", query, Secret, ChecksumAlgorithms.All).ShouldBe(new ChecksumCheck(ChecksumVerdict.Valid, algorithm));
        }
    }

    [Test]
    public void Verify_OnlyAcceptsTheListedAlgorithms()
    {
        var query = new RequestSigner(Secret, ChecksumAlgorithm.Sha256).SignedQuery("getMeetings", []);

        Checksum.Verify("getMeetings", query, Secret, [ChecksumAlgorithm.Sha1]).Verdict.ShouldBe(ChecksumVerdict.Mismatch);
    }

    [Test]
    public void Verify_ToleratesALeadingQuestionMark()
    {
        var query = new RequestSigner(Secret).SignedQuery("getMeetings", []);

        Checksum.Verify("getMeetings", "?" + query, Secret, [ChecksumAlgorithm.Sha1]).IsValid.ShouldBeTrue();
    }

    [Test]
    public void Verify_TreatsANullQueryAsMissing() =>
        Checksum.Verify("getMeetings", null, Secret, [ChecksumAlgorithm.Sha1]).Verdict.ShouldBe(ChecksumVerdict.Missing);

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
