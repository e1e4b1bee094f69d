using Mconf.Mock.Verification;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Verification;

/// <summary>The cause classifier: each usual signing mistake (specs/reference.md §2.2, §7) is named as such.</summary>
public sealed class SignatureDiagnosisTests
{
    private const string Secret = "s3cret";
    private static readonly string[] Calls = ["create", "join", "getMeetings", "getMeetingInfo", "isMeetingRunning"];

    private static SignatureCheck Diagnose(string call, string query, IReadOnlyCollection<ChecksumAlgorithm>? accepted = null) =>
        SignatureDiagnosis.Diagnose(call, query, Secret, accepted ?? ChecksumAlgorithms.All, Calls);

    private static string Sign(string call, string query, string secret = Secret, ChecksumAlgorithm algorithm = ChecksumAlgorithm.Sha1) =>
        (query.Length == 0 ? "" : query + "&") + "checksum=" + Checksum.Compute(call, query, secret, algorithm);

    [Test]
    public void RightDigestOverTheQueryAsSent_IsValid()
    {
        var check = Diagnose("create", Sign("create", "name=a+b&meetingID=x"));
        (check.Status, check.Cause, check.Algorithm).ShouldBe((SignatureStatus.Valid, (string?)null, (ChecksumAlgorithm?)ChecksumAlgorithm.Sha1));
    }

    [Test]
    public void NoChecksum_IsMissing() =>
        Diagnose("getMeetings", "").Cause.ShouldBe(ProblemCodes.ChecksumMissing);

    [Test]
    public void RightDigestInUppercase_IsUppercaseHex()
    {
        var query = "meetingID=x&checksum=" + Checksum.Compute("isMeetingRunning", "meetingID=x", Secret).ToUpperInvariant();
        Diagnose("isMeetingRunning", query).Cause.ShouldBe(ProblemCodes.ChecksumUppercase);
    }

    [Test]
    public void WrongSecret_IsTheResidualCause() =>
        Diagnose("isMeetingRunning", Sign("isMeetingRunning", "meetingID=x", "another")).Cause.ShouldBe(ProblemCodes.ChecksumWrongSecret);

    [Test]
    public void DigestOfAnotherCall_IsWrongCallName()
    {
        var check = Diagnose("getMeetingInfo", "meetingID=x&checksum=" + Checksum.Compute("isMeetingRunning", "meetingID=x", Secret));
        check.Cause.ShouldBe(ProblemCodes.ChecksumWrongCallName);
        check.Explanation.ShouldContain("'isMeetingRunning'");
    }

    [Test]
    public void DigestOfAnotherCallInUppercase_ReportsBoth()
    {
        var check = Diagnose("getMeetingInfo", "meetingID=x&checksum=" + Checksum.Compute("isMeetingRunning", "meetingID=x", Secret).ToUpperInvariant());
        (check.Cause, check.AlsoUppercase).ShouldBe((ProblemCodes.ChecksumWrongCallName, true));
    }

    [TestCase("name=Room%201&meetingID=x", "name=Room+1&meetingID=x", "'+' for spaces", TestName = "SignedWithPlus_SentWithPercent20_IsNotOverTheQueryAsSent")]
    [TestCase("name=Room+1%26Co&meetingID=x", "name=Room 1&Co&meetingID=x", "unencoded", TestName = "SignedUnencoded_SentEncoded_IsNotOverTheQueryAsSent")]
    [TestCase("name=r&meetingID=x", "meetingID=x&name=r", "order", TestName = "SignedSorted_SentInAnotherOrder_IsNotOverTheQueryAsSent")]
    public void SignedOverAnotherQuery_IsNotOverTheQueryAsSent(string sent, string signed, string explained)
    {
        var check = Diagnose("create", sent + "&checksum=" + Checksum.Compute("create", signed, Secret));
        check.Cause.ShouldBe(ProblemCodes.ChecksumNotOverQueryAsSent);
        check.Explanation.ShouldContain(explained);
    }

    [Test]
    public void Sha256_AgainstASha1OnlyServer_IsNotAccepted()
    {
        var query = Sign("getMeetings", "", algorithm: ChecksumAlgorithm.Sha256);
        Diagnose("getMeetings", query, [ChecksumAlgorithm.Sha1]).Cause.ShouldBe(ProblemCodes.ChecksumAlgorithmNotAccepted);
        Diagnose("getMeetings", query).Status.ShouldBe(SignatureStatus.Valid);
    }

    [TestCase("checksum=1234")]
    [TestCase("checksum=zz3456789012345678901234567890123456789z")]
    public void ShortOrNonHex_IsNotADigest(string query) =>
        Diagnose("getMeetings", query).Cause.ShouldBe(ProblemCodes.ChecksumNotADigest);

    [Test]
    public void EmptySecret_AcceptsEverything() =>
        SignatureDiagnosis.Diagnose("getMeetings", "", "", ChecksumAlgorithms.All, Calls).Status.ShouldBe(SignatureStatus.NotRequired);

    [Test]
    public void Explanations_NeverContainTheChecksumOrTheSecret()
    {
        var checksum = Checksum.Compute("getMeetingInfo", "meetingID=x", "other");
        var check = Diagnose("getMeetingInfo", "meetingID=x&checksum=" + checksum);
        check.Explanation.ShouldNotContain(checksum);
        check.Explanation.ShouldNotContain(Secret);
    }
}
