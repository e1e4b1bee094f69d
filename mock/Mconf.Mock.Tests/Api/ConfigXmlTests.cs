using Mconf.Mock.Api;
using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Api;

/// <summary>getDefaultConfigXML (§3.10), setConfigXML (§3.11, §2.4), and the session-less client calls.</summary>
public sealed class ConfigXmlTests : FakeApiFixture
{
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
        (await Api.Text("getDefaultConfigXML", Api.SignedQuery("getDefaultConfigXML"))).ShouldStartWith("<?xml version=\"1.0\" ?>\n<config>");
        (await Api.CallRaw("getDefaultConfigXML", "")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("getDefaultConfigXML", "checksum=bad")).Errors.Single().Key.ShouldBe("checksumError");
    }

    [Test]
    public async Task SetConfigXml_StoresATokenThatJoinAccepts()
    {
        var id = await Api.Create();
        var config = "<config><x a=\"1\">y</x></config>";
        var pairs = new[] { new KeyValuePair<string, string>("configXML", QueryString.Encode(config)), new KeyValuePair<string, string>("meetingID", id) };
        var checksum = Checksum.Compute("", SetConfigXmlHandler.PostBaseString("setConfigXML", pairs, Api.Server.Secret), "");
        var form = "configXML=" + QueryString.Encode(QueryString.Encode(config)) + "&meetingID=" + QueryString.Encode(id) + "&checksum=" + checksum;
        var answer = await RawHttp.Send(Api.Server.WireMock.Port, "POST", "/bigbluebutton/api/setConfigXML.xml", form);
        var token = Mconf.Spec.Xml.BbbResponse.Parse(answer.Body).Value("configToken");
        token!.ShouldMatch("^[A-Za-z0-9]{8}$");
        (await Api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"), ("configToken", token), ("redirect", "false"))).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task SetConfigXml_Errors_InTheFactsOrder()
    {
        var id = await Api.Create();
        async Task<string?> Key(string form) => Mconf.Spec.Xml.BbbResponse.Parse((await RawHttp.Send(Api.Server.WireMock.Port, "POST", "/bigbluebutton/api/setConfigXML", form)).Body).MessageKey;
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
        (await Api.CallRaw("signOut", "")).ReturnCode.ShouldBe("SUCCESS");
        (await Api.CallRaw("configXML", "")).ReturnCode.ShouldBe("FAILED");
        (await Api.Text("enter", "")).ShouldContain("\"returncode\":\"FAILED\"");
        (await Api.Text("stuns", "")).ShouldBe("{\"stunServers\":[],\"turnServers\":[]}");
    }
}
