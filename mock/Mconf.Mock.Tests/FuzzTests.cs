using System.Text;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests;

/// <summary>Issue item 7: a bounded, seeded fuzz of the API path. Every answer is a well-formed envelope,
/// a 302 or Grails' 404; never a 500, never a stack trace, nothing logged.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Calls =
    [
        "create", "join", "isMeetingRunning", "end", "getMeetingInfo", "getMeetings", "getRecordings", "publishRecordings",
        "deleteRecordings", "getStats", "getDefaultConfigXML", "setConfigXML", "signOut", "enter", "configXML", "stuns", "", "index",
        "nope", "getMeetings.xml", "create.xml", "GetMeetings",
    ];

    private static readonly string[] Names =
    [
        "meetingID", "fullName", "password", "attendeePW", "moderatorPW", "name", "record", "duration", "maxParticipants", "redirect",
        "guest", "createTime", "userID", "recordID", "publish", "meta_x", "meta_Course", "meta_bad_name", "userdata-k", "voiceBridge",
        "checksum", "configToken", "clientURL", "x", "", "%ZZ",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static string Value(Random random) => random.Next(12) switch
    {
        0 => "",
        1 => "%",
        2 => "%zz%4",
        3 => "%FF%FE%C3",
        4 => "%ED%A0%80",
        5 => "%00%01%1F",
        6 => new string('a', random.Next(100, 3000)),
        7 => "%3C%21%5BCDATA%5Bx%5D%5D%3E%26",
        8 => "a,b,,%2C",
        9 => "+true+",
        10 => "%F0%9F%98%80",
        _ => QueryString.Encode(Guid.NewGuid().ToString()[..random.Next(1, 12)]),
    };

    [Test]
    public async Task RandomRequests_AlwaysGetAnEnvelopeA302OrA404()
    {
        using var api = FakeApi.Start();
        var random = new Random(20261128);
        var signer = new RequestSigner(api.Server.Secret);
        for (var i = 0; i < 400; i++)
        {
            var call = Calls[random.Next(Calls.Length)];
            var query = string.Join('&', Enumerable.Range(0, random.Next(0, 7)).Select(_ => Names[random.Next(Names.Length)] + (random.Next(8) == 0 ? "" : "=" + Value(random))));
            if (random.Next(2) == 0)
            {
                query = signer.Sign(call.Replace(".xml", "", StringComparison.Ordinal), query);
            }

            var method = Methods[random.Next(Methods.Length)];
            var target = "/bigbluebutton/api" + (call.Length == 0 ? "" : "/" + call) + (query.Length == 0 ? "" : "?" + query);
            var body = method == "POST" ? random.Next(4) switch { 0 => "configXML=%3Cx%3E&meetingID=m", 1 => "{\"broken\": json", 2 => "<modules><x", _ => null } : null;
            var contentType = body?.StartsWith('{') == true ? "application/json" : body?.StartsWith('<') == true ? "application/xml" : null;
            var answer = await RawHttp.Send(api.Server.WireMock.Port, method, target, body, contentType);
            var context = $"#{i} {method} {target[..Math.Min(target.Length, 200)]}";
            answer.Status.ShouldBeOneOf([200, 302, 404], context);
            answer.Body.ShouldNotContain("   at ", Case.Sensitive, context);
            if (answer.Status == 200 && answer.Headers["Content-Type"].StartsWith("text/xml", StringComparison.Ordinal) && !answer.Body.StartsWith("<?xml", StringComparison.Ordinal))
            {
                BbbResponse.TryParse(answer.Body, out var parsed, out var error).ShouldBeTrue(context + " " + error);
                parsed!.Root.Elements().First().Name.LocalName.ShouldBe("returncode", context);
            }
        }

        api.Logged.ShouldBeEmpty();
    }

    [Test]
    public async Task InvalidUtf8AndLongValues_InEveryCall_AreWellFormed()
    {
        using var api = FakeApi.Start();
        var signer = new RequestSigner(api.Server.Secret);
        var values = new[] { "%FF%FE", "%C3", "%ED%A0%80", "%00%0B", new string('x', 900), "%5D%5D%3E", "a%2C%2Cb" };
        foreach (var call in new[] { "create", "join", "isMeetingRunning", "end", "getMeetingInfo", "getRecordings", "publishRecordings", "deleteRecordings", "getStats" })
        {
            foreach (var value in values)
            {
                var query = signer.Sign(call, $"meetingID={value}&fullName={value}&password={value}&name={value}&recordID={value}&publish={value}&meta_k={value}&attendeePW=a&moderatorPW=b&redirect=false");
                var answer = await RawHttp.Send(api.Server.WireMock.Port, "GET", $"/bigbluebutton/api/{call}?{query}");
                answer.Status.ShouldBe(200, call + " " + value[..Math.Min(20, value.Length)]);
                BbbResponse.Parse(answer.Body).ReturnCode.ShouldNotBeNull();
            }
        }

        // Beyond Kestrel's 8 KB request line (Tomcat's default limit is 8 KB too) the server refuses, never a 500.
        var tooLong = await RawHttp.Send(api.Server.WireMock.Port, "GET", "/bigbluebutton/api/getMeetings?name=" + new string('x', 9000));
        tooLong.Status.ShouldBe(414);

        var recordings = await api.Text("getRecordings", api.SignedQuery("getRecordings"));
        BbbResponse.Parse(recordings).ReturnCode.ShouldBe("SUCCESS");
        Encoding.UTF8.GetByteCount(recordings).ShouldBeGreaterThan(0);
        api.Logged.ShouldBeEmpty();
    }
}
