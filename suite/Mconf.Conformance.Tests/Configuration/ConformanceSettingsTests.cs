using Mconf.Conformance.Configuration;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Tests.Configuration;

public sealed class ConformanceSettingsTests
{
    [Test]
    public void ToRunOptions_ReadsEveryTargetAndRunSetting()
    {
        var configuration = ConformanceSettings.Build(overrides: new Dictionary<string, string?>
        {
            [ConformanceSettings.Url] = "https://bbb.example/bigbluebutton/api",
            [ConformanceSettings.Secret] = "s",
            [ConformanceSettings.ChecksumKey] = "SHA-256",
            [ConformanceSettings.TimeoutSeconds] = "2.5",
            [ConformanceSettings.RunId] = "ci-42",
            [ConformanceSettings.Tier] = "read-only",
            [ConformanceSettings.Only] = "create/*, join/*",
        });
        var options = ConformanceSettings.ToRunOptions(configuration);
        options.TargetUrl.ShouldBe("https://bbb.example/bigbluebutton/api");
        options.Checksum.ShouldBe(ChecksumAlgorithm.Sha256);
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        options.RunId.ShouldBe("ci-42");
        options.Tier.ShouldBe("read-only");
        options.Only.ShouldBe(["create/*", "join/*"]);
    }

    [Test]
    public void ToRunOptions_Defaults_Sha1LifecycleAndAFreshRunId()
    {
        var options = ConformanceSettings.ToRunOptions(ConformanceSettings.Build(overrides: []), "http://x/bigbluebutton", "s", embedded: true);
        options.Checksum.ShouldBe(ChecksumAlgorithm.Sha1);
        options.Tier.ShouldBe("lifecycle");
        options.RunId.ShouldNotBeNullOrWhiteSpace();
        options.Embedded.ShouldBeTrue();
    }

    [Test]
    public void Build_ReadsCommandLineValues()
    {
        var configuration = ConformanceSettings.Build(args: ["--Target:Url=http://cli/bigbluebutton"]);
        ConformanceSettings.HasTarget(configuration).ShouldBeTrue();
        configuration[ConformanceSettings.Url].ShouldBe("http://cli/bigbluebutton");
    }

    [Test]
    public void ToRunOptions_ClockSeedAndBodyLimit_ComeFromConfiguration()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var configuration = ConformanceSettings.Build(overrides: new Dictionary<string, string?>
        {
            [ConformanceSettings.Seed] = "7",
            [ConformanceSettings.MaxBodyMegabytes] = "2",
        });
        var options = ConformanceSettings.ToRunOptions(configuration, "http://x/bigbluebutton", "s", time: clock);
        options.Time.ShouldBeSameAs(clock);
        options.Seed.ShouldBe(7);
        options.MaxBodyBytes.ShouldBe(2L * 1024 * 1024);
        options.RunId.ShouldStartWith("20260102T030405-");
        ConformanceSettings.ToRunOptions(configuration, "http://x/bigbluebutton", "s", time: clock).RunId.ShouldBe(options.RunId);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [TestCase(ConformanceSettings.Seed, "seven")]
    [TestCase(ConformanceSettings.ChecksumKey, "md5")]
    [TestCase(ConformanceSettings.TimeoutSeconds, "soon")]
    [TestCase(ConformanceSettings.TimeoutSeconds, "-1")]
    public void ToRunOptions_BadValue_NamesTheSetting(string key, string value) =>
        Should.Throw<FormatException>(() => ConformanceSettings.ToRunOptions(ConformanceSettings.Build(overrides: new Dictionary<string, string?> { [key] = value })))
            .Message.ShouldContain(key);
}
