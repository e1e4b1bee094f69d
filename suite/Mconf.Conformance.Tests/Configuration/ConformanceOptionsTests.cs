using Mconf.Conformance.Configuration;
using Mconf.Conformance.NUnitAdapter;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Tests.Configuration;

/// <summary>The one settings model (<see cref="ConformanceOptions"/>): keys, defaults, checks, the deprecated keys'
/// warning, the run-ID format, and the NUnit verdict mapping that ships beside it.</summary>
public sealed class ConformanceOptionsTests
{
    private static ConformanceOptions Bind(Dictionary<string, string?> values, List<string>? warnings = null) =>
        ConformanceOptions.Bind(ConformanceOptions.Build(environment: new Dictionary<string, string?>(), overrides: values), (warnings ?? []).Add);

    [Test]
    public void Bind_Nothing_GivesTheDefaultsTable()
    {
        var warnings = new List<string>();
        var options = Bind([], warnings);

        options.Values().ShouldBe(new ConformanceOptions().Values());
        warnings.ShouldBeEmpty();
        var defaults = options.Values().ToDictionary(v => v.Key, v => v.Value);
        defaults[SettingKeys.TargetUrl].ShouldBe("");
        defaults[SettingKeys.Checksum].ShouldBe("sha1");
        defaults[SettingKeys.Timeout].ShouldBe("10");
        defaults[SettingKeys.ListTimeout].ShouldBe("120");
        defaults[SettingKeys.MaxBody].ShouldBe("16777216");
        defaults[SettingKeys.Tier].ShouldBe("lifecycle");
        defaults[SettingKeys.Parallel].ShouldBe("8");
        defaults[SettingKeys.MeetingPrefix].ShouldBe("mconf-conformance");
        defaults[SettingKeys.MaxLiveMeetings].ShouldBe("8");
        defaults[SettingKeys.Out].ShouldBe("reports");
        defaults[SettingKeys.PresenceTimeout].ShouldBe("120");
        defaults[SettingKeys.RecordingsWait].ShouldBe("0");
    }

    [Test]
    public void TheEnginesDefaults_AreTheConfigurations()
    {
        var run = new ConformanceOptions().ToRunOptions("http://x/bigbluebutton", "s");
        var engine = new RunOptions { TargetUrl = "http://x/bigbluebutton", Secret = "s" };

        run.Parallelism.ShouldBe(engine.Parallelism);
        run.RequestTimeout.ShouldBe(engine.RequestTimeout);
        run.ListCallTimeout.ShouldBe(engine.ListCallTimeout);
        run.MaxBodyBytes.ShouldBe(engine.MaxBodyBytes);
        run.MaxLiveMeetings.ShouldBe(engine.MaxLiveMeetings);
        run.MeetingPrefix.ShouldBe(engine.MeetingPrefix);
        run.Tier.ShouldBe(engine.Tier);
        run.Checksum.ShouldBe(engine.Checksum);
    }

    [Test]
    public void Bind_ReadsEveryKey_AndToRunOptionsCarriesThem()
    {
        var options = Bind(new()
        {
            [SettingKeys.TargetUrl] = "https://bbb.example/bigbluebutton/api",
            [SettingKeys.TargetSecret] = "s",
            [SettingKeys.Checksum] = "SHA-256",
            [SettingKeys.Timeout] = "2.5",
            [SettingKeys.ListTimeout] = "30",
            [SettingKeys.MaxBody] = "2048",
            [SettingKeys.RunId] = "ci-42",
            [SettingKeys.Seed] = "7",
            [SettingKeys.MeetingPrefix] = "mine",
            [SettingKeys.Tier] = "read-only",
            [SettingKeys.Parallel] = "3",
            [SettingKeys.Only] = "create/*, join/*,create/*",
            [SettingKeys.Skip] = "getStats/*",
            [SettingKeys.MaxLiveMeetings] = "5",
            [SettingKeys.MaxRate] = "2.5",
        });
        var run = options.ToRunOptions(time: TimeProvider.System);

        run.TargetUrl.ShouldBe("https://bbb.example/bigbluebutton/api");
        run.Secret.ShouldBe("s");
        run.Checksum.ShouldBe(ChecksumAlgorithm.Sha256);
        run.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        run.ListCallTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        run.MaxBodyBytes.ShouldBe(2048);
        run.RunId.ShouldBe("ci-42");
        run.Seed.ShouldBe(7);
        run.MeetingPrefix.ShouldBe("mine");
        run.Tier.ShouldBe(CaseTier.ReadOnly);
        run.Parallelism.ShouldBe(3);
        run.Only.ShouldBe(["create/*", "join/*"]);
        run.Skip.ShouldBe(["getStats/*"]);
        run.MaxLiveMeetings.ShouldBe(5);
        run.MaxRequestsPerSecond.ShouldBe(2.5);
        run.Embedded.ShouldBeFalse();
    }

    [TestCase("Target:TimeoutSeconds", "7", SettingKeys.Timeout, "7")]
    [TestCase("Run:Parallelism", "3", SettingKeys.Parallel, "3")]
    [TestCase("Target:MaxBodyMegabytes", "2", SettingKeys.MaxBody, "2097152")]
    public void ADeprecatedKey_StillWorks_WithOneWarningNamingTheOldAndTheNewKey(string oldKey, string value, string newKey, string bound)
    {
        var warnings = new List<string>();
        var options = Bind(new() { [oldKey] = value }, warnings);

        options.Values().Single(v => v.Key == newKey).Value.ShouldBe(bound);
        warnings.Count.ShouldBe(1);
        warnings[0].ShouldStartWith("warning: ");
        warnings[0].ShouldContain(oldKey);
        warnings[0].ShouldContain(newKey);
        warnings[0].ShouldContain(SettingKeys.EnvironmentVariable(oldKey));
        warnings[0].ShouldContain(SettingKeys.EnvironmentVariable(newKey));
    }

    [Test]
    public void ADeprecatedKey_FromTheEnvironment_StillWorks()
    {
        var warnings = new List<string>();
        var options = ConformanceOptions.Bind(ConformanceOptions.Build(environment: new Dictionary<string, string?> { ["MCONF_TARGET__TIMEOUTSECONDS"] = "4" }), warnings.Add);

        options.Timeout.ShouldBe(TimeSpan.FromSeconds(4));
        warnings.ShouldHaveSingleItem().ShouldContain("MCONF_TARGET__TIMEOUT)");
    }

    [Test]
    public void ADeprecatedKey_NextToItsNewKey_IsIgnored_AndTheWarningSaysSo()
    {
        var warnings = new List<string>();
        var options = Bind(new() { ["Run:Parallelism"] = "3", [SettingKeys.Parallel] = "5" }, warnings);

        options.Parallel.ShouldBe(5);
        warnings.ShouldHaveSingleItem().ShouldContain("ignored");
    }

    [Test]
    public void TheDeprecatedKeys_AreNotInTheVocabulary() =>
        SettingKeys.Deprecated.Select(d => d.OldKey).Intersect(SettingKeys.All).ShouldBeEmpty();

    [TestCase(SettingKeys.Seed, "seven")]
    [TestCase(SettingKeys.Checksum, "md5")]
    [TestCase(SettingKeys.Timeout, "soon")]
    [TestCase(SettingKeys.Timeout, "-1")]
    [TestCase(SettingKeys.Parallel, "65")]
    [TestCase(SettingKeys.Tier, "everything")]
    [TestCase(SettingKeys.MaxBody, "12")]
    [TestCase(SettingKeys.TargetUrl, "ftp://x/y")]
    [TestCase("Target:MaxBodyMegabytes", "big")]
    public void Bind_BadValue_NamesTheSetting_NeverTheValue(string key, string value)
    {
        var values = new Dictionary<string, string?> { [key] = value, [SettingKeys.TargetSecret] = "hunter2" };
        if (key != SettingKeys.TargetUrl)
        {
            values[SettingKeys.TargetUrl] = "http://x/bigbluebutton";
        }

        var error = Should.Throw<SettingsException>(() => Bind(values));
        error.Message.ShouldContain(key);
        error.Message.ShouldNotContain("hunter2");
        if (value.Length > 3)
        {
            error.Message.ShouldNotContain(value);
        }
    }

    [Test]
    public void Bind_UsesTheCallersNames()
    {
        var error = Should.Throw<SettingsException>(() => ConformanceOptions.Bind(
            ConformanceOptions.Build(environment: new Dictionary<string, string?>(), overrides: new Dictionary<string, string?> { [SettingKeys.Parallel] = "0" }),
            _ => { }, key => key == SettingKeys.Parallel ? "--parallel" : key));

        error.Message.ShouldBe("--parallel must be a whole number from 1 to 64");
        error.Key.ShouldBe(SettingKeys.Parallel);
    }

    [Test]
    public void RunIds_HaveTheKitsOneFormat_AndFollowTheSeed()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var seeded = RunIds.New(clock, 7);

        seeded.ShouldMatch(@"^20260102-030405-[0-9a-f]{4}$");
        RunIds.New(clock, 7).ShouldBe(seeded);
        RunIds.New(clock).ShouldMatch(@"^\d{8}-\d{6}-[0-9a-f]{4}$");
        Bind([]).ToRunOptions(time: clock).RunId.ShouldStartWith("20260102-030405-");
        Bind(new() { [SettingKeys.Seed] = "7" }).ToRunOptions(time: clock).RunId.ShouldBe(seeded);
        // Meetings of such a run are found again by cleanup.
        KitMeetings.Parse("mconf-conformance", $"mconf-conformance-{seeded}-shared-0123456789").ShouldNotBeNull().RunId.ShouldBe(seeded);
        KitMeetings.RunStart(seeded).ShouldBe(clock.GetUtcNow());
    }

    [Test]
    public void EnvironmentVariable_IsThePrefixedKey() =>
        SettingKeys.EnvironmentVariable(SettingKeys.MaxLiveMeetings).ShouldBe("MCONF_RUN__MAXLIVEMEETINGS");

    [Test]
    public void NUnitSettings_ReadTheEnvironmentLikeTheRunner()
    {
        var options = NUnitSettings.Load(new Dictionary<string, string?> { ["MCONF_RUN__TIER"] = "read-only", ["MCONF_RUN__PARALLEL"] = "2" });

        options.Tier.ShouldBe(CaseTier.ReadOnly);
        options.Parallel.ShouldBe(2);
    }

    [TestCase(Verdict.Passed, Origin.Bbb09, NUnitOutcome.Pass)]
    [TestCase(Verdict.Passed, Origin.MconfLive, NUnitOutcome.Inconclusive)]
    [TestCase(Verdict.Failed, Origin.Bbb09, NUnitOutcome.Fail)]
    [TestCase(Verdict.Inconclusive, Origin.Bbb09, NUnitOutcome.Inconclusive)]
    [TestCase(Verdict.Skipped, Origin.Bbb09, NUnitOutcome.Ignore)]
    [TestCase(Verdict.KnownFailing, Origin.MconfLive, NUnitOutcome.Ignore)]
    public void NUnitVerdict_MapsEveryVerdict(Verdict verdict, Origin layer, NUnitOutcome expected)
    {
        var result = new CaseResult(Case(layer), verdict, "the message", TimeSpan.Zero, []);

        NUnitVerdict.Map(result).Outcome.ShouldBe(expected);
    }

    [Test]
    public void NUnitVerdict_AnMconfLivePassWithAWitness_Passes()
    {
        var c = Case(Origin.MconfLive);
        var result = new CaseResult(c, Verdict.Passed, "", TimeSpan.Zero, []) { Witnesses = [new Witness(c.SpecId, "getMeetings", "meeting m", "1")] };

        NUnitVerdict.Map(result).Outcome.ShouldBe(NUnitOutcome.Pass);
    }

    [Test]
    public void NUnitVerdict_KnownFailing_KeepsTheReason() =>
        NUnitVerdict.Map(new CaseResult(Case(Origin.Bbb09), Verdict.KnownFailing, "known failing: ticket 12", TimeSpan.Zero, [])).Message.ShouldBe("known failing: ticket 12");

    private static ConformanceCase Case(Origin layer) =>
        new("x/response/y", "x/response/y", layer, "x", "element", "t", "a", "r", new SourceRef("wiki", "x", "q"), CaseTier.ReadOnly, CaseArgs.None);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
