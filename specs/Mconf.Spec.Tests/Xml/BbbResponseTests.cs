using Mconf.Spec.Xml;

namespace Mconf.Spec.Tests.Xml;

public sealed class BbbResponseTests
{
    [Test]
    public void Parse_ReadsTheNormalErrorShape()
    {
        var response = BbbResponse.Parse("<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey><message>You did not pass the checksum security check</message></response>");

        response.IsSuccess.ShouldBeFalse();
        response.ErrorKey.ShouldBe("checksumError");
        response.ErrorMessage.ShouldBe("You did not pass the checksum security check");
    }

    [Test]
    public void Parse_ReadsTheErrorsShape()
    {
        var response = BbbResponse.Parse("<response><returncode>FAILED</returncode><errors><error key='mismatchCreateTime' message='The createTime parameter submitted mismatches with the current meeting.'/></errors></response>");

        response.MessageKey.ShouldBeNull();
        response.ErrorKey.ShouldBe("mismatchCreateTime");
        response.Errors.Single().Message.ShouldBe("The createTime parameter submitted mismatches with the current meeting.");
    }

    [Test]
    public void Values_AreTrimmedAndEmptyElementStylesAgree()
    {
        var response = BbbResponse.Parse("""
            <response>
              <returncode> SUCCESS </returncode>
              <internalMeetingID>
                183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1411067830029
              </internalMeetingID>
              <messageKey/>
              <message></message>
            </response>
            """);

        response.IsSuccess.ShouldBeTrue();
        response.Value("internalMeetingID").ShouldBe("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1411067830029");
        response.Value("messageKey").ShouldBe("");
        response.Value("message").ShouldBe("");
        response.Value("absent").ShouldBeNull();
    }

    [Test]
    public void Select_WalksRepeatedElementsInAnyOrder()
    {
        var response = BbbResponse.Parse("<response><returncode>SUCCESS</returncode><extra/><meetings><meeting><x>1</x><meetingID>a</meetingID></meeting><meeting><meetingID>b</meetingID></meeting></meetings></response>");

        response.Select("meetings/meeting/meetingID").Select(BbbResponse.Text).ShouldBe(["a", "b"]);
        response.Has("meetings/meeting/x").ShouldBeTrue();
    }

    [Test]
    public void Parse_ReadsCdataValues()
    {
        var response = BbbResponse.Parse("<response><returncode>SUCCESS</returncode><recordings><recording><name><![CDATA[A & B]]></name></recording></recordings></response>");

        response.Value("recordings/recording/name").ShouldBe("A & B");
    }

    [TestCase("<html><body>Welcome to nginx</body></html>", "not <response>")]
    [TestCase("{\"returncode\":\"SUCCESS\"}", "not well-formed")]
    [TestCase("<response><returncode>SUCCESS</response>", "not well-formed")]
    [TestCase("<!DOCTYPE response [<!ENTITY x \"y\">]><response/>", "not well-formed")]
    public void TryParse_ExplainsWhatIsNotAnEnvelope(string text, string reason)
    {
        BbbResponse.TryParse(text, out var response, out var error).ShouldBeFalse();

        response.ShouldBeNull();
        error.ShouldContain(reason);
    }

    [Test]
    public void TryParse_RejectsEmpty()
    {
        BbbResponse.TryParse("  ", out _, out var error).ShouldBeFalse();
        error.ShouldBe("The answer is empty.");
    }
}
