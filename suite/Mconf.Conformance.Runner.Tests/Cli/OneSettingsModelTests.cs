using Mconf.Conformance.NUnitAdapter;
using Mconf.Conformance.Runner.Cli;

namespace Mconf.Conformance.Runner.Tests.Cli;

/// <summary>The runner, the NUnit suite and a user's NUnit project (both through <see cref="NUnitSettings"/>, what
/// the suite's SuiteTarget and the packaged consumer call) bind the same configuration to the same settings.</summary>
public sealed class OneSettingsModelTests
{
    private static ConformanceOptions ThroughTheRunner(string[] args, Dictionary<string, string?> environment, List<string>? warnings = null)
    {
        var cli = CliParser.Parse(args, out var error) ?? throw new InvalidOperationException(error);
        var settings = RunSettings.Resolve(cli, RunSettings.BuildConfiguration(cli, environment), out error, (warnings ?? []).Add);
        error.ShouldBeNull();
        return settings!.Options;
    }

    private static Dictionary<string, string?> EveryKey() => new()
    {
        ["MCONF_TARGET__URL"] = "https://bbb.example/bigbluebutton",
        ["MCONF_TARGET__SECRET"] = "s",
        ["MCONF_TARGET__CHECKSUM"] = "sha256",
        ["MCONF_TARGET__TIMEOUT"] = "3.5",
        ["MCONF_TARGET__LISTTIMEOUT"] = "40",
        ["MCONF_TARGET__MAXBODY"] = "4096",
        ["MCONF_RUN__ID"] = "ci-7",
        ["MCONF_RUN__SEED"] = "11",
        ["MCONF_RUN__MEETINGPREFIX"] = "kit",
        ["MCONF_RUN__TIER"] = "lifecycle",
        ["MCONF_RUN__PARALLEL"] = "3",
        ["MCONF_RUN__ONLY"] = "create/*,join/*",
        ["MCONF_RUN__SKIP"] = "getStats/*",
        ["MCONF_RUN__KNOWNFAILING"] = "kf.txt",
        ["MCONF_RUN__MAXLIVEMEETINGS"] = "6",
        ["MCONF_RUN__MAXRATE"] = "20",
        ["MCONF_RUN__OUT"] = "out",
        ["MCONF_RUN__REQUIRECOMPLETE"] = "true",
        ["MCONF_RUN__EXPLORE"] = "2",
        ["MCONF_PRESENCE__DRIVER"] = "./bot.sh",
        ["MCONF_PRESENCE__TIMEOUT"] = "30",
        ["MCONF_PRESENCE__SKIP"] = "share-webcam",
        ["MCONF_PRESENCE__RECORDINGSWAIT"] = "60",
    };

    [Test]
    public void TheSameConfiguration_BindsAlikeInTheRunner_TheSuiteAndTheConsumer()
    {
        var runner = ThroughTheRunner([], EveryKey());
        var nunit = NUnitSettings.Load(EveryKey());

        nunit.Values().ShouldBe(runner.Values());
        runner.Values().Where(v => v.Value.Length == 0).Select(v => v.Key).ShouldBe([SettingKeys.FakeFlavour], "every key but Fake:Flavour (embedded fake only) is set here");
    }

    [Test]
    public void NoConfiguration_GivesTheSameDefaultsEverywhere()
    {
        var defaults = new ConformanceOptions().Values();

        ThroughTheRunner([], []).Values().ShouldBe(defaults);
        NUnitSettings.Load(new Dictionary<string, string?>()).Values().ShouldBe(defaults);
    }

    [Test]
    public void AnOption_AndItsEnvironmentVariable_AreTheSameKey()
    {
        var fromOptions = ThroughTheRunner(["--timeout", "3", "--parallel", "2", "--max-body", "2048", "--only", "create/*"], []);
        var fromEnvironment = NUnitSettings.Load(new Dictionary<string, string?> { ["MCONF_TARGET__TIMEOUT"] = "3", ["MCONF_RUN__PARALLEL"] = "2", ["MCONF_TARGET__MAXBODY"] = "2048", ["MCONF_RUN__ONLY"] = "create/*" });

        fromOptions.Values().ShouldBe(fromEnvironment.Values());
    }

    [Test]
    public void TheSuitesEarlierKeys_WorkInTheRunner_WithOneWarningEach()
    {
        var warnings = new List<string>();
        var options = ThroughTheRunner([], new() { ["MCONF_TARGET__TIMEOUTSECONDS"] = "4", ["MCONF_RUN__PARALLELISM"] = "2" }, warnings);

        options.Timeout.ShouldBe(TimeSpan.FromSeconds(4));
        options.Parallel.ShouldBe(2);
        warnings.Count.ShouldBe(2);
        warnings.ShouldContain(w => w.Contains("Target:TimeoutSeconds", StringComparison.Ordinal) && w.Contains("use Target:Timeout", StringComparison.Ordinal));
        warnings.ShouldContain(w => w.Contains("Run:Parallelism", StringComparison.Ordinal) && w.Contains("use Run:Parallel", StringComparison.Ordinal));
    }

    [Test]
    public async Task ADeprecatedKey_IsWrittenOnceToStandardError_AndTheRunGoesOn()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await Runner.RunAsync(["--list", "--only", "create/*"], stdout, stderr,
            new RunnerContext { Environment = new Dictionary<string, string?> { ["MCONF_RUN__PARALLELISM"] = "2" } });

        code.ShouldBe(ExitCodes.Conformant);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.Contains("Run:Parallelism", StringComparison.Ordinal)).ShouldBe(1);
        lines.Single(l => l.Contains("Run:Parallelism", StringComparison.Ordinal)).ShouldStartWith("warning: setting Run:Parallelism (MCONF_RUN__PARALLELISM) is deprecated");
    }
}
