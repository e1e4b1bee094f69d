using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §2.2–2.3: the checksum covers the raw query string exactly as sent.</summary>
public sealed class ChecksumTests : FakeApiFixture
{
    private FakeApi _sha1Only = null!;

    [OneTimeSetUp]
    public void StartSha1Only() => _sha1Only = FakeApi.Start(o => o.Sha1Only = true);

    [OneTimeTearDown]
    public void StopSha1Only() => _sha1Only.Dispose();

    private static string Sign(string call, string query, string secret, ChecksumAlgorithm algorithm = ChecksumAlgorithm.Sha1) =>
        Checksum.Compute(call, query, secret, algorithm);

    [Test]
    public async Task Missing_IsChecksumError()
    {
        var r = await Api.CallRaw("getMeetings", "");
        (r.ReturnCode, r.MessageKey, r.Message).ShouldBe(("FAILED", "checksumError", Facts.ChecksumError));
        (await Api.CallRaw("getMeetings", "checksum=")).MessageKey.ShouldBe("checksumError");
    }

    [TestCase(ChecksumAlgorithm.Sha1)]
    [TestCase(ChecksumAlgorithm.Sha256)]
    [TestCase(ChecksumAlgorithm.Sha384)]
    [TestCase(ChecksumAlgorithm.Sha512)]
    public async Task EveryAlgorithm_IsAcceptedByDefault(ChecksumAlgorithm algorithm)
    {
        var r = await Api.CallRaw("getMeetings", "checksum=" + Sign("getMeetings", "", Api.Server.Secret, algorithm));
        r.ReturnCode.ShouldBe("SUCCESS");
    }

    [TestCase(ChecksumAlgorithm.Sha256)]
    [TestCase(ChecksumAlgorithm.Sha512)]
    public async Task Sha1Only_RejectsLongerDigests(ChecksumAlgorithm algorithm)
    {
        (await _sha1Only.CallRaw("getMeetings", "checksum=" + Sign("getMeetings", "", _sha1Only.Server.Secret, algorithm))).MessageKey.ShouldBe("checksumError");
        (await _sha1Only.CallRaw("getMeetings", "checksum=" + Sign("getMeetings", "", _sha1Only.Server.Secret))).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Uppercase_OtherSecretAndTampering_AreRejected()
    {
        var secret = Api.Server.Secret;
        (await Api.CallRaw("getMeetings", "checksum=" + Sign("getMeetings", "", secret).ToUpperInvariant())).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("getMeetings", "checksum=" + Sign("getMeetings", "", "other"))).MessageKey.ShouldBe("checksumError");
        var query = "meetingID=abc";
        (await Api.CallRaw("isMeetingRunning", "meetingID=abd&checksum=" + Sign("isMeetingRunning", query, secret))).MessageKey.ShouldBe("checksumError");
    }

    [Test]
    public async Task Position_FirstMiddleOrLast_IsAccepted()
    {
        var secret = Api.Server.Secret;
        var c = Sign("isMeetingRunning", "meetingID=abc&x=1", secret);
        (await Api.CallRaw("isMeetingRunning", $"checksum={c}&meetingID=abc&x=1")).ReturnCode.ShouldBe("SUCCESS");
        (await Api.CallRaw("isMeetingRunning", $"meetingID=abc&checksum={c}&x=1")).ReturnCode.ShouldBe("SUCCESS");
        (await Api.CallRaw("isMeetingRunning", $"meetingID=abc&x=1&checksum={c}")).ReturnCode.ShouldBe("SUCCESS");
    }

    [TestCase("name=a+b")]
    [TestCase("name=a%20b")]
    [TestCase("name=%41%62")]
    [TestCase("name=caf%C3%A9")]
    [TestCase("name=%c3%a9")]
    public async Task RawQuery_IsHashedAsSent(string encodedName)
    {
        var id = FakeApi.Unique();
        var query = $"meetingID={id}&{encodedName}&attendeePW=ap&moderatorPW=mp";
        var target = "/bigbluebutton/api/create?" + query + "&checksum=" + Sign("create", query, Api.Server.Secret);
        var answer = await RawHttp.Send(Api.Server.WireMock.Port, "GET", target);
        answer.Body.ShouldContain("<returncode>SUCCESS</returncode>");
    }

    [TestCase("=")]
    [TestCase("==&x=1")]
    [TestCase("a=1&&b")]
    public async Task OddSegments_AreHashedAsSentAndNeverCrash(string query)
    {
        var target = "/bigbluebutton/api/getMeetings?" + query + "&checksum=" + Sign("getMeetings", query, Api.Server.Secret);
        var answer = await RawHttp.Send(Api.Server.WireMock.Port, "GET", target);
        answer.Status.ShouldBe(200);
        answer.Body.ShouldStartWith("<response><returncode>SUCCESS</returncode>");
    }

    [Test]
    public async Task DocTestVector_IsAccepted()
    {
        using var api = FakeApi.Start(o => o.Secret = "639259d4-9dd8-4b25-bf01-95f9567eaf4b");
        var query = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
        var answer = await RawHttp.Send(api.Server.WireMock.Port, "GET", "/bigbluebutton/api/create?" + query + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
        answer.Body.ShouldContain("<meetingID>abc123</meetingID>");
    }

    [Test]
    public async Task EmptySecret_AcceptsAnyChecksum()
    {
        using var api = FakeApi.Start(o => o.Secret = "");
        (await api.CallRaw("getMeetings", "")).ReturnCode.ShouldBe("SUCCESS");
        (await api.CallRaw("getMeetings", "checksum=whatever")).ReturnCode.ShouldBe("SUCCESS");
    }
}
