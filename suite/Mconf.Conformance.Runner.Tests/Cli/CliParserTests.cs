using Mconf.Conformance.Runner.Cli;

namespace Mconf.Conformance.Runner.Tests.Cli;

public sealed class CliParserTests
{
    [Test]
    public void Parse_NoArguments_RunsTheDefaults()
    {
        var options = CliParser.Parse([], out var error);

        error.ShouldBeNull();
        options.ShouldNotBeNull();
        options.Command.ShouldBe(CliCommand.Run);
        options.Settings.ShouldBeEmpty();
    }

    [Test]
    public void Parse_ValueOptions_LandUnderTheirConfigurationKeys()
    {
        var options = CliParser.Parse(
            ["--target", "https://bbb.example/bigbluebutton", "--secret=s3cr3t", "--checksum", "sha256", "--tier", "read-only",
             "--timeout", "5", "--out", "/tmp/r", "--known-failing", "kf.txt", "--parallel", "2"], out _)!;

        options.Settings[SettingKeys.TargetUrl].ShouldBe("https://bbb.example/bigbluebutton");
        options.Settings[SettingKeys.TargetSecret].ShouldBe("s3cr3t");
        options.Settings[SettingKeys.Checksum].ShouldBe("sha256");
        options.Settings[SettingKeys.Tier].ShouldBe("read-only");
        options.Settings[SettingKeys.Timeout].ShouldBe("5");
        options.Settings[SettingKeys.Out].ShouldBe("/tmp/r");
        options.Settings[SettingKeys.KnownFailing].ShouldBe("kf.txt");
        options.Settings[SettingKeys.Parallel].ShouldBe("2");
    }

    [Test]
    public void Parse_OnlyAndSkip_RepeatAndSplitOnCommas()
    {
        var options = CliParser.Parse(["--only", "create/*,join/*", "--only=getStats/*", "--skip", "join/request/guest#upper"], out _)!;

        options.Only.ShouldBe(["create/*", "join/*", "getStats/*"]);
        options.Skip.ShouldBe(["join/request/guest#upper"]);
    }

    [TestCase("--list", CliCommand.List)]
    [TestCase("--help", CliCommand.Help)]
    [TestCase("-h", CliCommand.Help)]
    [TestCase("--version", CliCommand.Version)]
    public void Parse_Flags_SelectTheCommand(string flag, CliCommand expected) =>
        CliParser.Parse([flag], out _)!.Command.ShouldBe(expected);

    [Test]
    public void Parse_Compare_TakesInputsAndAnOutputFile()
    {
        var options = CliParser.Parse(["compare", "reports/a", "--out", "cmp.html", "reports/b/results.json"], out _)!;

        options.Command.ShouldBe(CliCommand.Compare);
        options.CompareInputs.ShouldBe(["reports/a", "reports/b/results.json"]);
        options.Settings[SettingKeys.Out].ShouldBe("cmp.html");
    }

    [TestCase(new[] { "--bogus" }, "unknown option '--bogus'")]
    [TestCase(new[] { "--target" }, "--target needs a value")]
    [TestCase(new[] { "--target", "--list" }, "--target needs a value")]
    [TestCase(new[] { "--only=" }, "--only needs a value")]
    [TestCase(new[] { "--presence-driver" }, "--presence-driver needs a value")]
    [TestCase(new[] { "--require-complete=yes" }, "--require-complete takes no value")]
    [TestCase(new[] { "--list=yes" }, "--list takes no value")]
    [TestCase(new[] { "compare" }, "compare needs at least one report folder or results.json")]
    [TestCase(new[] { "compare", "--wat", "x" }, "unknown option '--wat' for compare")]
    public void Parse_BadCommandLine_GivesOneLineError(string[] args, string expected)
    {
        CliParser.Parse(args, out var error).ShouldBeNull();

        error.ShouldBe(expected);
    }

    [Test]
    public void Parse_PresenceOptions_LandUnderTheirKeys()
    {
        var options = CliParser.Parse(
            ["--presence-driver", "./bot.sh --headless", "--presence-timeout", "30", "--recordings-wait=600", "--require-complete",
             "--presence-skip", "share-second-webcam,make-presenter", "--presence-skip", "accept-guest"], out var error)!;

        error.ShouldBeNull();
        options.Settings[SettingKeys.PresenceDriver].ShouldBe("./bot.sh --headless");
        options.Settings[SettingKeys.PresenceTimeout].ShouldBe("30");
        options.Settings[SettingKeys.RecordingsWait].ShouldBe("600");
        options.Settings[SettingKeys.RequireComplete].ShouldBe("true");
        options.PresenceSkip.ShouldBe(["share-second-webcam", "make-presenter", "accept-guest"]);
        CliParser.Parse(["--presence"], out _)!.Settings[SettingKeys.PresenceGuided].ShouldBe("true");
    }

    [Test]
    public void Parse_UnknownOptionNearAKnownOne_IsNamedWithoutItsValue()
    {
        CliParser.Parse(["--secrett=hunter2"], out var error).ShouldBeNull();

        error.ShouldBe("unknown option '--secrett'");
    }

    [Test]
    public void Parse_StrayWord_IsNotEchoed_BecauseItMayBeASecret()
    {
        CliParser.Parse(["--target", "http://h/bigbluebutton", "hunter2"], out var error).ShouldBeNull();

        error.ShouldNotBeNull();
        error.ShouldNotContain("hunter2");
        error.ShouldContain("#3");
    }
}
