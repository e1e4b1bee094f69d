using System.Security.Cryptography;
using System.Text;
using Mconf.Mock;
using NUnit.Framework;

namespace Consumer.Tests;

// A client developer's test: the fake from the Mconf.Mock package, started in-process.
public class FakeServerTests
{
    [Test]
    public async Task TheFakeAnswersTheApiRoot_AndASignedCall()
    {
        using var fake = FakeMconfServer.Start(new FakeServerOptions { Secret = "consumer-secret", Seed = 7 });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var root = await http.GetStringAsync(fake.ApiUrl);
        Assert.That(root, Does.Contain("<returncode>SUCCESS</returncode>"));

        const string query = "meetingID=consumer-room&name=Consumer+Room";
        var checksum = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("create" + query + fake.Secret)));
        var created = await http.GetStringAsync($"{fake.ApiUrl}create?{query}&checksum={checksum}");
        Assert.That(created, Does.Contain("<returncode>SUCCESS</returncode>").And.Contain("<meetingID>consumer-room</meetingID>"));
        Assert.That(fake.Requests.Any(r => r.Call == "create" && r.IsSignedCorrectly), "the fake's request journal judged the create");
    }
}
