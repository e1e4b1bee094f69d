using Mconf.Conformance.Runner.Cli;

namespace Mconf.Conformance.Runner.Tests.Cli;

public sealed class RunSettingsTests
{
    private static RunSettings? Resolve(string[] args, Dictionary<string, string?>? environment, out string? error)
    {
        var cli = CliParser.Parse(args, out error) ?? throw new InvalidOperationException(error);
        return RunSettings.Resolve(cli, RunSettings.BuildConfiguration(cli, environment ?? new Dictionary<string, string?>()), out error);
    }

    [Test]
    public void Resolve_NoOptions_CertifiesTheEmbeddedFakeWithDefaults()
    {
        var settings = Resolve([], null, out var error);

        error.ShouldBeNull();
        settings.ShouldNotBeNull();
        settings.UsesEmbeddedFake.ShouldBeTrue();
        settings.Checksum.ShouldBe(ChecksumAlgorithm.Sha1);
        settings.Tier.ShouldBe(CaseTier.Lifecycle);
        settings.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        settings.OutDirectory.ShouldBe("reports");
    }

    [Test]
    public void Resolve_SecretFromTheEnvironment_KeepsItOffTheCommandLine()
    {
        var settings = Resolve(["--target", "https://bbb.example/bigbluebutton"],
            new() { ["MCONF_TARGET__SECRET"] = "from-env" }, out var error);

        error.ShouldBeNull();
        settings!.Secret.ShouldBe("from-env");
        settings.TargetUrl.ShouldBe("https://bbb.example/bigbluebutton");
    }

    [Test]
    public void Resolve_CommandLine_WinsOverTheEnvironment()
    {
        var settings = Resolve(["--tier", "read-only", "--only", "create/*"],
            new() { ["MCONF_RUN__TIER"] = "lifecycle", ["MCONF_RUN__ONLY"] = "join/*", ["MCONF_TARGET__CHECKSUM"] = "sha256" }, out _);

        settings!.Tier.ShouldBe(CaseTier.ReadOnly);
        settings.Only.ShouldBe(["create/*"]);
        settings.Checksum.ShouldBe(ChecksumAlgorithm.Sha256);
    }

    [Test]
    public void Resolve_TargetAndSecretFromTheEnvironment_CertifyThatTarget()
    {
        var settings = Resolve([], new() { ["MCONF_TARGET__URL"] = "http://127.0.0.1:9/bigbluebutton", ["MCONF_TARGET__SECRET"] = "x" }, out _);

        settings!.UsesEmbeddedFake.ShouldBeFalse();
    }

    [TestCase(new[] { "--target", "https://bbb.example/bigbluebutton" }, "no shared secret")]
    [TestCase(new[] { "--secret", "s" }, "--secret needs --target")]
    [TestCase(new[] { "--target", "ftp://x/y", "--secret", "s" }, "--target is not an absolute http(s) URL")]
    [TestCase(new[] { "--checksum", "md5" }, "--checksum must be one of sha1, sha256, sha384, sha512")]
    [TestCase(new[] { "--tier", "everything" }, "--tier must be read-only or lifecycle")]
    [TestCase(new[] { "--timeout", "0" }, "--timeout must be")]
    [TestCase(new[] { "--timeout", "soon" }, "--timeout must be")]
    [TestCase(new[] { "--parallel", "0" }, "--parallel must be")]
    [TestCase(new[] { "--fake-flavour", "bbb-2.7" }, "--fake-flavour must be")]
    [TestCase(new[] { "--fake-flavour", "bbb-0.9", "--target", "http://h/b", "--secret", "s" }, "--fake-flavour applies to the embedded fake only")]
    [TestCase(new[] { "--presence", "--presence-driver", "x" }, "--presence (a person) and --presence-driver (a program) exclude each other")]
    [TestCase(new[] { "--presence", "--tier", "read-only" }, "the presence session creates a meeting: it needs the lifecycle tier, not read-only")]
    [TestCase(new[] { "--presence-driver", "x", "--presence-timeout", "0" }, "--presence-timeout must be a number of seconds from 1 to 3600")]
    [TestCase(new[] { "--recordings-wait", "never" }, "--recordings-wait must be a number of seconds from 0 to 86400")]
    [TestCase(new[] { "--presence-skip", "dance" }, "--presence-skip: no step 'dance' (steps: join-moderator-voice, join-viewer-listen-only, share-webcam, share-second-webcam, make-presenter, join-guest, accept-guest)")]
    public void Resolve_BadSetting_GivesOneLineError(string[] args, string expected)
    {
        Resolve(args, null, out var error).ShouldBeNull();

        error.ShouldNotBeNull();
        error.ShouldStartWith(expected);
    }

    [Test]
    public void Resolve_Errors_NeverRepeatTheSecret()
    {
        Resolve(["--target", "not a url", "--secret", "hunter2"], null, out var error).ShouldBeNull();

        error.ShouldNotBeNull();
        error.ShouldNotContain("hunter2");
    }

    [Test]
    public void Resolve_PresenceFromTheEnvironment_SetsTheSession()
    {
        var settings = Resolve([], new()
        {
            ["MCONF_PRESENCE__DRIVER"] = "./bot.sh",
            ["MCONF_PRESENCE__TIMEOUT"] = "15",
            ["MCONF_PRESENCE__RECORDINGSWAIT"] = "300",
            ["MCONF_RUN__REQUIRECOMPLETE"] = "true",
        }, out var error)!;

        error.ShouldBeNull();
        settings.PresenceDriver.ShouldBe("./bot.sh");
        settings.HasPresence.ShouldBeTrue();
        settings.PresenceTimeout.ShouldBe(TimeSpan.FromSeconds(15));
        settings.RecordingsWait.ShouldBe(TimeSpan.FromSeconds(300));
        settings.RequireComplete.ShouldBeTrue();
    }
}
