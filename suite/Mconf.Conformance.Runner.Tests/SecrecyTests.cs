using System.Text.RegularExpressions;
using Mconf.Mock;

namespace Mconf.Conformance.Runner.Tests;

/// <summary>The shared secret and every checksum stay out of the console and of every report, even when the secret
/// is typed on the command line and the target fails cases (failures carry evidence).</summary>
public sealed partial class SecrecyTests
{
    [GeneratedRegex(@"checksum=(?!\*\*\*)", RegexOptions.IgnoreCase)]
    private static partial Regex UnredactedChecksum();

    private static void ShouldHoldNoSecret(string text, string where, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            text.ShouldNotContain(secret, Case.Sensitive, $"{where} leaks the secret");
            text.ShouldNotContain(QueryString.Encode(secret), Case.Sensitive, $"{where} leaks the encoded secret");
        }

        UnredactedChecksum().Match(text).Success.ShouldBeFalse($"{where} holds an unredacted checksum: {UnredactedChecksum().Match(text).Value}");
    }

    [Test]
    public async Task Certify_SecretOnTheCommandLine_AppearsNowhere()
    {
        using var output = new TempDirectory();
        using var target = Targets.MconfLive(Targets.DistinctSecret);

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--target", target.BaseUrl, "--secret", Targets.DistinctSecret);

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        ShouldHoldNoSecret(run.Console, "the console", Targets.DistinctSecret);
        var files = Directory.GetFiles(run.ReportFolder!);
        files.Length.ShouldBe(4);
        foreach (var file in files)
        {
            ShouldHoldNoSecret(File.ReadAllText(file), Path.GetFileName(file), Targets.DistinctSecret);
        }

        File.ReadAllText(Path.Combine(run.ReportFolder!, "results.json")).ShouldContain("checksum=***");
    }

    [Test]
    public async Task Certify_FailingTarget_EvidenceIsRedactedToo()
    {
        using var output = new TempDirectory();
        using var target = Targets.PlainBbb09();

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--target", target.BaseUrl, "--secret", target.Secret, "--only", "getMeetings/*,getStats/*");

        run.ExitCode.ShouldBe(ExitCodes.NotConformant, run.Console);
        ShouldHoldNoSecret(run.Console, "the console", target.Secret);
        foreach (var file in Directory.GetFiles(run.ReportFolder!))
        {
            ShouldHoldNoSecret(File.ReadAllText(file), Path.GetFileName(file), target.Secret);
        }
    }

    [Test]
    public async Task Certify_EmbeddedFake_ItsSecretAppearsNowhere()
    {
        using var output = new TempDirectory();
        var fakeSecret = new FakeServerOptions().Secret;

        var run = await RunnerHarness.CertifyAsync(output.Path, null, "--only", "getMeetings/*,create/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        ShouldHoldNoSecret(run.Console, "the console", fakeSecret);
        foreach (var file in Directory.GetFiles(run.ReportFolder!))
        {
            ShouldHoldNoSecret(File.ReadAllText(file), Path.GetFileName(file), fakeSecret);
        }
    }
}
