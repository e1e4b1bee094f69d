using System.Net;
using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>Facts §3.2 and Mconf's guest (§6.2).</summary>
public sealed class JoinTests : FakeApiFixture
{
    [Test]
    public async Task Join_RedirectFalse_AnswersSuccessfullyJoinedInOrder()
    {
        var id = await Api.Create();
        var r = await Api.Call("join", ("fullName", "Ann"), ("meetingID", id), ("password", "mp"), ("redirect", "false"));
        XmlShape.Children(r.Root).ShouldBe(["returncode", "messageKey", "message", "meeting_id", "user_id", "auth_token"]);
        (r.MessageKey, r.Message).ShouldBe(("successfullyJoined", Facts.SuccessfullyJoined));
        r.Value("meeting_id").ShouldBe((await Api.Info(id)).Value("internalMeetingID"));
        r.Value("user_id")!.ShouldMatch("^[a-z0-9]{12}$");
        r.Value("auth_token")!.ShouldMatch("^[a-z0-9]{12}$");
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase("", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("no", false)]
    public async Task Join_Redirect_OnlyTrueOrEmptyRedirects(string redirect, bool redirects)
    {
        var id = await Api.Create();
        using var response = await Api.Send("join", Api.SignedQuery("join", ("fullName", "Ann"), ("meetingID", id), ("password", "ap"), ("redirect", redirect)));
        response.StatusCode.ShouldBe(redirects ? HttpStatusCode.Found : HttpStatusCode.OK);
    }

    [Test]
    public async Task Join_ClientUrl_ReplacesTheRedirectTarget()
    {
        var id = await Api.Create();
        using var response = await Api.Send("join", Api.SignedQuery("join", ("fullName", "Ann"), ("meetingID", id), ("password", "ap"), ("clientURL", "http://client.test/x")));
        response.Headers.Location!.ToString().ShouldBe("http://client.test/x");
    }

    [Test]
    public async Task Join_ChecksRunInTheFactsOrder()
    {
        var id = await Api.Create();
        var bad = "checksum=0000000000000000000000000000000000000000";
        (await Api.CallRaw("join", $"meetingID={id}&password=ap")).MessageKey.ShouldBe("checksumError");
        (await Api.CallRaw("join", $"meetingID={id}&password=ap&{bad}")).Message.ShouldBe(Facts.MissingFullName);
        (await Api.CallRaw("join", $"fullName=A&password=ap&{bad}")).Message.ShouldBe(Facts.MissingMeetingId);
        var noPassword = await Api.CallRaw("join", $"fullName=A&meetingID={id}&{bad}");
        (noPassword.MessageKey, noPassword.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordJoin));
        (await Api.CallRaw("join", $"fullName=A&meetingID={id}&password=ap&{bad}")).MessageKey.ShouldBe("checksumError");
        var unknown = await Api.Call("join", ("fullName", "A"), ("meetingID", "unknown-" + id), ("password", "ap"));
        (unknown.MessageKey, unknown.Message).ShouldBe(("invalidMeetingIdentifier", Facts.InvalidMeetingIdentifier));
        var wrong = await Api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "nope"));
        (wrong.MessageKey, wrong.Message).ShouldBe(("invalidPassword", Facts.InvalidPasswordJoin));
    }

    [Test]
    public async Task Join_WrongCreateTime_UsesTheErrorsShape()
    {
        var id = await Api.Create();
        var body = await Api.Text("join", Api.SignedQuery("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"), ("createTime", "1")));
        body.ShouldBe($"<response><returncode>FAILED</returncode><errors><error key='mismatchCreateTime' message='{Facts.MismatchCreateTime}'/></errors></response>");
        var createTime = (await Api.Info(id)).Value("createTime");
        (await Api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"), ("createTime", createTime), ("redirect", "false"))).ReturnCode.ShouldBe("SUCCESS");
    }

    [Test]
    public async Task Join_ForciblyEndedStillInMemory_IsRefused()
    {
        using var api = FakeApi.Start(o => o.RemoveMeetingWhenEnded = false);
        var id = await api.Create();
        (await api.Call("end", ("meetingID", id), ("password", "mp"))).ReturnCode.ShouldBe("SUCCESS");
        var r = await api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"));
        (r.MessageKey, r.Message).ShouldBe(("meetingForciblyEnded", Facts.MeetingForciblyEnded));
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase("True", true)]
    [TestCase("false", false)]
    [TestCase("yes", false)]
    [TestCase(null, false)]
    public async Task Join_Guest_IsAGuestWaitingOnlyForTrueInAnyCase(string? guest, bool isGuest)
    {
        var id = await Api.Create();
        await Api.Join(id, "Guest", "ap", ("guest", guest));
        var attendee = (await Api.Info(id)).Select("attendees/attendee").Single();
        Mconf.Spec.Xml.BbbResponse.Value(attendee, "guest").ShouldBe(isGuest ? "true" : "false");
        Mconf.Spec.Xml.BbbResponse.Value(attendee, "waitingForAcceptance").ShouldBe(isGuest ? "true" : "false");
    }

    [Test]
    public async Task Join_UserIdAndUserdata_ShowInAttendees()
    {
        var id = await Api.Create();
        await Api.Join(id, "Ann", "ap", ("userID", "ext-1"), ("userdata-color", "blue"), ("userdata-a-b", "x"), ("userdata-1x", "y"));
        var attendee = (await Api.Info(id)).Select("attendees/attendee").Single();
        Mconf.Spec.Xml.BbbResponse.Value(attendee, "userID").ShouldBe("ext-1");
        XmlShape.Children(attendee.Element("customdata")!).ShouldBe(["color"]);
    }

    [Test]
    public async Task Join_UnknownConfigToken_AnswersNoConfigFoundInsteadOfA500()
    {
        var id = await Api.Create();
        var r = await Api.Call("join", ("fullName", "A"), ("meetingID", id), ("password", "ap"), ("configToken", "nope"));
        r.Errors.Single().Key.ShouldBe("noConfigFound");
    }

    [Test]
    public async Task Join_WithoutAutoConnect_DoesNotAddAnAttendee()
    {
        using var api = FakeApi.Start(o => o.AutoConnect = false);
        var id = await api.Create();
        var user = await api.Join(id, "Ann");
        var info = await api.Info(id);
        (info.Value("participantCount"), info.Value("running")).ShouldBe(("0", "false"));
        api.Server.Control.Connect(id, user);
        (await api.Info(id)).Value("participantCount").ShouldBe("1");
    }
}
