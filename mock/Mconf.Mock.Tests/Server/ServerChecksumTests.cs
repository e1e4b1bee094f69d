using System.Text.Json;
using Mconf.Spec.Signing;
using static Mconf.Testing.FixtureVectors;

namespace Mconf.Mock.Tests.Server;

/// <summary>The fake's checksum verification (specs/reference.md §2.2): the verify vectors of
/// fixtures/checksums/vectors.json (computed with Python) and the mechanics around them.</summary>
public sealed class ServerChecksumTests
{
    private const string Secret = "s3cr3t";

    public static IEnumerable<TestCaseData> VerifyVectors() => FixtureVectors.Cases("fixtures/checksums/vectors.json", "verify");

    [TestCaseSource(nameof(VerifyVectors))]
    public void Verify_GivesTheVectorsVerdict(JsonElement vector)
    {
        var accepted = vector.GetProperty("accepted").EnumerateArray()
            .Select(a => ChecksumAlgorithms.TryParse(a.GetString(), out var alg) ? alg : throw new FormatException(a.GetString()))
            .ToList();

        var check = ServerChecksum.Verify(Text(vector, "call"), Text(vector, "rawQuery"), Text(vector, "secret"), accepted);

        check.Verdict.ToString().ToLowerInvariant().ShouldBe(Text(vector, "verdict"));
    }

    [Test]
    public void Strip_RemovesThePairWhereverItStands()
    {
        ServerChecksum.Strip("a=1&checksum=X&b=2", "X").ShouldBe("a=1&b=2");
        ServerChecksum.Strip("checksum=X&a=1", "X").ShouldBe("a=1");
        ServerChecksum.Strip("a=1&checksum=X", "X").ShouldBe("a=1");
        ServerChecksum.Strip("checksum=X", "X").ShouldBe("");
    }

    [Test]
    public void Verify_AcceptsWhatRequestSignerProduces_ForEveryAlgorithm()
    {
        foreach (var algorithm in ChecksumAlgorithms.All)
        {
            var query = new RequestSigner(Secret, algorithm).SignedQuery("create", [new("meetingID", "m 1"), new("name", "Café & co")]);

            ServerChecksum.Verify("create", query, Secret, ChecksumAlgorithms.All).ShouldBe(new ChecksumCheck(ChecksumVerdict.Valid, algorithm));
        }
    }

    [Test]
    public void Verify_OnlyAcceptsTheListedAlgorithms()
    {
        var query = new RequestSigner(Secret, ChecksumAlgorithm.Sha256).SignedQuery("getMeetings", []);

        ServerChecksum.Verify("getMeetings", query, Secret, [ChecksumAlgorithm.Sha1]).Verdict.ShouldBe(ChecksumVerdict.Mismatch);
    }

    [Test]
    public void Verify_ToleratesALeadingQuestionMark()
    {
        var query = new RequestSigner(Secret).SignedQuery("getMeetings", []);

        ServerChecksum.Verify("getMeetings", "?" + query, Secret, [ChecksumAlgorithm.Sha1]).IsValid.ShouldBeTrue();
    }

    [Test]
    public void Verify_TreatsANullQueryAsMissing() =>
        ServerChecksum.Verify("getMeetings", null, Secret, [ChecksumAlgorithm.Sha1]).Verdict.ShouldBe(ChecksumVerdict.Missing);
}
