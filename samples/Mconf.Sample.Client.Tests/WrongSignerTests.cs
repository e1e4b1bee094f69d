using Mconf.Mock.Verification;
using Mconf.Sample.Client.Tests.Support;

namespace Mconf.Sample.Client.Tests;

/// <summary>Clients that sign wrongly, as real ones do (specs/reference.md §7): the fake refuses them as a real server would,
/// and its request journal names the cause.</summary>
public sealed class WrongSignerTests : SampleFakeTests
{
    /// <summary>Right digest, uppercase hex (Java's DigestUtils.sha1Hex(...).toUpperCase(), .NET's Convert.ToHexString).</summary>
    private sealed class UppercaseHexSigner(string secret) : IQuerySigner
    {
        public string Sign(string call, string query)
        {
            var signed = new Sha1QuerySigner(secret).Sign(call, query);
            var at = signed.LastIndexOf("checksum=", StringComparison.Ordinal) + "checksum=".Length;
            return signed[..at] + signed[at..].ToUpperInvariant();
        }
    }

    /// <summary>Signs the values written with '+' for spaces, then sends them with %20 (a re-encoding HTTP layer).</summary>
    private sealed class SignedThenReencodedSigner(string secret) : IQuerySigner
    {
        public string Sign(string call, string query)
        {
            var signedForm = query.Replace("%20", "+", StringComparison.Ordinal);
            var checksum = new Sha1QuerySigner(secret).Sign(call, signedForm)[(signedForm.Length == 0 ? 0 : signedForm.Length + 1)..];
            return query.Length == 0 ? checksum : query + "&" + checksum;
        }
    }

    /// <summary>Signs the decoded values (as Python and .NET libraries of the era did), sends them encoded.</summary>
    private sealed class UnencodedSigner(string secret) : IQuerySigner
    {
        public string Sign(string call, string query)
        {
            var signedForm = Uri.UnescapeDataString(query);
            var checksum = new Sha1QuerySigner(secret).Sign(call, signedForm)[(signedForm.Length == 0 ? 0 : signedForm.Length + 1)..];
            return query.Length == 0 ? checksum : query + "&" + checksum;
        }
    }

    private async Task<ApiCallRecord> CreateWith(IQuerySigner signer)
    {
        var error = await Should.ThrowAsync<MconfApiException>(() => Fake.Client(signer).CreateMeetingAsync(new CreateMeetingRequest("room", "Physics 101")));
        error.MessageKey.ShouldBe("checksumError");
        return Fake.Server.Requests.Single(r => r.Call == "create");
    }

    [Test]
    public async Task UppercaseHex_IsReportedAsSuch()
    {
        var record = await CreateWith(new UppercaseHexSigner(Fake.Server.Secret));
        (record.Verdict, record.Signature.Cause).ShouldBe((ClientVerdict.Fail, ProblemCodes.ChecksumUppercase));
    }

    [Test]
    public async Task WrongSecret_IsReportedAsSuch()
    {
        var record = await CreateWith(new Sha1QuerySigner("not-the-secret"));
        record.Signature.Cause.ShouldBe(ProblemCodes.ChecksumWrongSecret);
    }

    [Test]
    public async Task SignedThenReencoded_IsReportedAsNotOverTheQueryAsSent()
    {
        var record = await CreateWith(new SignedThenReencodedSigner(Fake.Server.Secret));
        record.Signature.Cause.ShouldBe(ProblemCodes.ChecksumNotOverQueryAsSent);
        record.Signature.Explanation.ShouldContain("'+' for spaces");
    }

    [Test]
    public async Task SignedUnencoded_IsReportedAsNotOverTheQueryAsSent()
    {
        var record = await CreateWith(new UnencodedSigner(Fake.Server.Secret));
        record.Signature.Cause.ShouldBe(ProblemCodes.ChecksumNotOverQueryAsSent);
        record.Signature.Explanation.ShouldContain("unencoded");
    }

    [Test]
    public async Task TheReport_CountsTheMistakes()
    {
        await CreateWith(new UppercaseHexSigner(Fake.Server.Secret));
        var report = Fake.Server.Requests.Report();
        report.Summary.ShouldBe("fail: 1 requests, 0 passed, 0 warned, 1 failed (checksum-uppercase-hex x1)");
    }
}
