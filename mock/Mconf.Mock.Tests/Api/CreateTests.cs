using Mconf.Mock.Tests.Support;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.1 and the Mconf create delta (§6.1).</summary>
public sealed class CreateTests : FakeApiFixture
{
    [Test]
    public async Task Create_Success_HasTheMconfElementOrderAndEmptyMessage()
    {
        var id = FakeApi.Unique();
        var body = await Api.Text("create", Api.SignedQuery("create", ("meetingID", id), ("attendeePW", "ap"), ("moderatorPW", "mp"), ("voiceBridge", "71234"), ("dialNumber", "613-555-0199")));
        body.ShouldContain("<messageKey></messageKey><message></message></response>");
        var r = Mconf.Spec.Xml.BbbResponse.Parse(body);
        XmlShape.Children(r.Root).ShouldBe(Facts.CreateOrder);
        (r.Value("meetingID"), r.Value("voiceBridge"), r.Value("dialNumber"), r.Value("hasUserJoined"), r.Value("duration")).ShouldBe((id, "71234", "613-555-0199", "false", "0"));
        r.Value("createDate")!.ShouldMatch(@"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$");
    }

    [Test]
    public async Task Create_Defaults_GeneratesPasswordsAndFiveDigitBridge()
    {
        var r = await Api.Call("create", ("meetingID", FakeApi.Unique()));
        r.Value("attendeePW")!.ShouldMatch("^[A-Za-z0-9]{8}$");
        r.Value("moderatorPW")!.ShouldMatch("^[A-Za-z0-9]{8}$");
        r.Value("voiceBridge")!.ShouldMatch("^[0-9]{5}$");
        r.Value("dialNumber").ShouldBe("613-555-1234");
    }

    [Test]
    public async Task Create_MissingMeetingId_BeatsAWrongChecksum()
    {
        var r = await Api.CallRaw("create", "name=x&checksum=0000000000000000000000000000000000000000");
        (r.ReturnCode, r.MessageKey, r.Message).ShouldBe(("FAILED", "missingParamMeetingID", Facts.MissingMeetingId));
        (await Api.Call("create", ("meetingID", "   "))).MessageKey.ShouldBe("missingParamMeetingID");
    }

    [Test]
    public async Task Create_MissingChecksum_ComesFirst() =>
        (await Api.CallRaw("create", "name=x")).MessageKey.ShouldBe("checksumError");

    [Test]
    public async Task Create_WrongChecksum_IsChecksumError() =>
        (await Api.CallRaw("create", "meetingID=x&checksum=0000000000000000000000000000000000000000")).Message.ShouldBe(Facts.ChecksumError);

    [Test]
    public async Task Create_Again_SamePasswordsIsDuplicateWarningOtherwiseIdNotUnique()
    {
        var id = await Api.Create();
        var dup = await Api.Call("create", ("meetingID", id), ("attendeePW", "ap"), ("moderatorPW", "mp"), ("name", "other"));
        (dup.ReturnCode, dup.MessageKey, dup.Message).ShouldBe(("SUCCESS", "duplicateWarning", Facts.DuplicateWarning));
        var clash = await Api.Call("create", ("meetingID", id), ("attendeePW", "ap2"), ("moderatorPW", "mp2"));
        (clash.ReturnCode, clash.MessageKey, clash.Message).ShouldBe(("FAILED", "idNotUnique", Facts.IdNotUnique));
        (await Api.Call("create", ("meetingID", id))).MessageKey.ShouldBe("idNotUnique");
    }

    [Test]
    public async Task Create_MeetingIdIsTrimmed()
    {
        var id = FakeApi.Unique();
        await Api.Call("create", ("meetingID", "  " + id + " "), ("attendeePW", "ap"), ("moderatorPW", "mp"));
        (await Api.Info(id)).Value("meetingID").ShouldBe(id);
    }

    [Test]
    public async Task Create_MetaParameters_AreStoredLowerCasedAndInvalidNamesIgnored()
    {
        var id = await Api.Create(null, ("meta_Course", "Physics"), ("meta_x-y", "1"), ("meta_bad_name", "2"), ("meta_9x", "3"), ("metaX", "4"));
        var info = await Api.Info(id);
        var metadata = info.Select("metadata").Single();
        XmlShape.Children(metadata).ShouldBe(["course", "x-y"]);
        info.Value("metadata/course").ShouldBe("Physics");
    }

    [Test]
    public async Task Create_EscapesTextAndStaysWellFormed()
    {
        var id = FakeApi.Unique();
        var body = await Api.Text("create", Api.SignedQuery("create", ("meetingID", id + "<&>"), ("name", "a\u0001b")));
        body.ShouldContain($"<meetingID>{id}&lt;&amp;&gt;</meetingID>");
        var info = await Api.Info(id + "<&>");
        info.Value("meetingName").ShouldBe("a\uFFFDb");
    }

    [Test]
    public async Task Create_AsPostWithSlidesBody_IsAccepted()
    {
        var id = FakeApi.Unique();
        using var content = new StringContent("<modules><module name=\"presentation\"><document url=\"http://x/y.pdf\"/></module></modules>", System.Text.Encoding.UTF8, "application/xml");
        using var response = await Api.Http.PostAsync(Api.Url("create", Api.SignedQuery("create", ("meetingID", id))), content);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<returncode>SUCCESS</returncode>");
    }

    [Test]
    public async Task Create_Sha256Signed_IsAccepted()
    {
        var signer = new RequestSigner(Api.Server.Secret, ChecksumAlgorithm.Sha256);
        var r = await Api.CallRaw("create", signer.SignedQuery("create", FakeApi.P(("meetingID", FakeApi.Unique()))));
        r.ReturnCode.ShouldBe("SUCCESS");
    }
}
