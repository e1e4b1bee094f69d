using Mconf.Mock.Api;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Api;

/// <summary>getDefaultConfigXML (§3.10), setConfigXML (§3.11, §2.4), and the session-less client calls.</summary>
public sealed class ConfigXmlTests
{
    private FakeApi _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = FakeApi.Start();

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _api.Logged.ShouldBeEmpty();
    }

    [Test]
    public void PostBaseString_MatchesTheDocTestVector()
    {
        var parameters = new[]
        {
            new KeyValuePair<string, string>("meetingID", "random-8228800"),
            new KeyValuePair<string, string>("configXML", "<config><localeversion suppressWarning=\"false\">0.9.0</localeversion></modules></config>"),
        };
        var text = SetConfigXmlHandler.PostBaseString("setConfigXML", parameters, "aae06642a13942004fd83b3ba6e4o9s8");
        text.ShouldBe("setConfigXMLconfigXML=%3Cconfig%3E%3Clocaleversion+suppressWarning%3D%22false%22%3E0.9.0%3C%2Flocaleversion%3E%3C%2Fmodules%3E%3C%2Fconfig%3E&meetingID=random-8228800aae06642a13942004fd83b3ba6e4o9s8");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ShouldBe("51db6f55ffa080f42f5727386beb66adb4e5cf81");
    }

    [Test]
    public async Task GetDefaultConfigXml_ReturnsTheConfigAndErrorsShapeOnMismatch()
    {
        (await _api.Text("getDefaultConfigXML", _api.SignedQuery("getDefaultConfigXML"))).ShouldStartWith("<?xml version=\"1.0\" ?>\n<config>");
        (await _api.CallRaw("getDefaultConfigXML", "")).MessageKey.ShouldBe("checksumError");
        (await _api.CallRaw("getDefaultConfigXML", "checksum=bad")).Errors.Single().Key.ShouldBe("checksumError");
    }

    [Test]
    public async Task SetConfigXml_StoresATokenThatJoinAccepts()
    {
        var id = await _api.Create();
        var config = "<config><x a=\"1\">y</x></config>";
        var pairs = new[] { new KeyValuePair<string, string>("configXML", QueryString.Encode(config)), new KeyValuePair<string, string>("meetingID", id) };
        var checksum = Checksum.Compute("", SetConfigXmlHandler.PostBaseString("setConfigXML", pairs, _api.Server.Secret), "");
        var form = "configXML=" + QueryString.Encode(QueryString.Encode(config)) + "&meetingID=" + QueryString.Encode(id) + "&checksum=" + checksum;
        var answer = await RawHttp.Send(_api.Server.WireMock.Port, "POST", "/bigbluebutton/api/setConfigXML.xml", form);
        var token = Mconf.Spec.Xml.BbbResponse.Parse(answer.Body).Value("configToken");
        token!.ShouldMatch("^[A-Za-z0-9]{8}$");
        (await _api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"), ("configToken", token), ("redirect", "false"))).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task SetConfigXml_Errors_InTheFactsOrder()
    {
        var id = await _api.Create();
        async Task<string?> Key(string form) => Mconf.Spec.Xml.BbbResponse.Parse((await RawHttp.Send(_api.Server.WireMock.Port, "POST", "/bigbluebutton/api/setConfigXML", form)).Body).MessageKey;
        (await Key($"meetingID={id}&configXML=x")).ShouldBe("checksumError");
        (await Key($"meetingID={id}&checksum=abc")).ShouldBe("configXMLError");
        (await Key("configXML=x&checksum=abc")).ShouldBe("missingParamMeetingID");
        (await Key("configXML=x&meetingID=unknown&checksum=abc")).ShouldBe("invalidMeetingIdentifier");
        (await Key($"configXML=%25zz&meetingID={id}&checksum=abc")).ShouldBe("configXMLError");
        (await Key($"configXML=x&meetingID={id}&checksum=abc")).ShouldBe("configXMLChecksumError");
    }

    [Test]
    public async Task SessionCalls_AnswerWithoutASession()
    {
        (await _api.CallRaw("signOut", "")).ReturnCode.ShouldBe("SUCCESS");
        (await _api.CallRaw("configXML", "")).ReturnCode.ShouldBe("FAILED");
        (await _api.Text("enter", "")).ShouldContain("\"returncode\":\"FAILED\"");
        (await _api.Text("stuns", "")).ShouldBe("{\"stunServers\":[],\"turnServers\":[]}");
    }
}
