using Microsoft.Extensions.Configuration;

namespace Mconf.Mock.Tests;

public sealed class OptionsTests
{
    [Test]
    public void FromConfiguration_BindsRootAndTheFakeSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["port"] = "8090",
            ["secret"] = "s",
            ["Fake:Seed"] = "7",
            ["Fake:AutoConnect"] = "true",
            ["flavour"] = "bbb-0.9",
            ["Sha1Only"] = "true",
            ["Meetings"] = "0",
            ["ClockStart"] = "2026-01-01T00:00:00Z",
        }).Build();
        var o = FakeServerOptions.FromConfiguration(configuration);
        (o.Port, o.Secret, o.Seed, o.AutoConnect, o.Flavour, o.Sha1Only, o.Meetings, o.ClockStart).ShouldBe((8090, "s", 7, true, "bbb-0.9", true, 0, "2026-01-01T00:00:00Z"));
        o.IsMconf.ShouldBeFalse();
        o.Validate();
    }

    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var o = new FakeServerOptions();
        (o.Port, o.Secret, o.Seed, o.AutoConnect, o.Flavour, o.Sha1Only).ShouldBe((0, "8cd8ef52e8e101574e400365b55e11a6", 42, false, "mconf-live", false));
        (o.Meetings, o.AttendeesPerMeeting, o.Recordings, o.StatsMeetings, o.JournalLimit, o.AdminInterface).ShouldBe((3, 6, 6, 4, 100, true));
    }

    [TestCase("Flavour", "bbb-2.0")]
    [TestCase("Port", "70000")]
    [TestCase("Meetings", "-1")]
    [TestCase("ClockStart", "yesterday")]
    public void Validate_RejectsBadValues(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Should.Throw<ArgumentException>(() => FakeServerOptions.FromConfiguration(configuration).Validate());
    }

    [Test]
    public void Start_ReportsUrlsAndSecret()
    {
        using var fake = FakeMconfServer.Start(new FakeServerOptions { Secret = "abc", Log = _ => { } });
        fake.BaseUrl.ShouldMatch(@"^http://127\.0\.0\.1:\d+/bigbluebutton$");
        fake.ApiUrl.ShouldBe(fake.BaseUrl + "/api/");
        fake.Secret.ShouldBe("abc");
        fake.WireMock.IsStarted.ShouldBeTrue();
    }
}
