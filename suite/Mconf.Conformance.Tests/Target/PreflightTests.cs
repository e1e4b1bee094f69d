using Mconf.Conformance.Target;

namespace Mconf.Conformance.Tests.Target;

public sealed class PreflightTests
{
    [Test]
    public async Task OpenAsync_BbbTarget_ReportsVersionAndSuffixChoice()
    {
        using var target = new CannedTarget();
        await using var session = await ConformanceSession.OpenAsync(CannedTarget.Options() with { TargetUrl = CannedTarget.BaseUrl + "/api/" }, default, target);
        session.Fingerprint.ApiVersion.ShouldBe("0.9");
        session.Fingerprint.HadApiSuffix.ShouldBeTrue();
        session.Fingerprint.Url.ShouldBe("http://canned.test/bigbluebutton/api/");
    }

    [Test]
    public async Task OpenAsync_RootNotXml_StopsWithWrongUrlReason()
    {
        using var target = new CannedTarget().Answer("", "<html>Apache</html>", 404);
        var ex = await Should.ThrowAsync<PreflightFailed>(() => ConformanceSession.OpenAsync(CannedTarget.Options(), default, target));
        ex.Message.ShouldContain("did not answer XML");
        ex.Message.ShouldContain("URL");
    }

    [Test]
    public async Task OpenAsync_NoVersion_StopsAsNotBbb()
    {
        using var target = new CannedTarget().Answer("", "<response><returncode>SUCCESS</returncode></response>");
        var ex = await Should.ThrowAsync<PreflightFailed>(() => ConformanceSession.OpenAsync(CannedTarget.Options(), default, target));
        ex.Message.ShouldContain("without a BigBlueButton version");
    }

    [Test]
    public async Task OpenAsync_WrongSecret_StopsWithSecretReasonAndNoSecret()
    {
        using var target = new CannedTarget();
        var options = CannedTarget.Options() with { Secret = "the-wrong-secret" };
        var ex = await Should.ThrowAsync<PreflightFailed>(() => ConformanceSession.OpenAsync(options, default, target));
        ex.Message.ShouldContain("rejected the shared secret");
        ex.Message.ShouldNotContain("the-wrong-secret");
    }

    [Test]
    public async Task OpenAsync_Sha256AgainstSha1OnlyTarget_HintsAtTheAlgorithm()
    {
        using var target = new CannedTarget();
        var options = CannedTarget.Options() with { Checksum = Mconf.Spec.Signing.ChecksumAlgorithm.Sha256 };
        var ex = await Should.ThrowAsync<PreflightFailed>(() => ConformanceSession.OpenAsync(options, default, target));
        ex.Message.ShouldContain("SHA-1 only");
    }

    [Test]
    public async Task OpenAsync_Unreachable_StopsWithOneReason()
    {
        var options = CannedTarget.Options() with { TargetUrl = "http://127.0.0.1:1/bigbluebutton", RequestTimeout = TimeSpan.FromSeconds(3) };
        var ex = await Should.ThrowAsync<PreflightFailed>(() => ConformanceSession.OpenAsync(options));
        ex.Message.ShouldContain("cannot be reached");
    }

    [TestCase("")]
    [TestCase("not a url")]
    public void ValidateOptions_BadUrl_Stops(string url) =>
        Should.Throw<PreflightFailed>(() => Preflight.ValidateOptions(CannedTarget.Options() with { TargetUrl = url }));
}
