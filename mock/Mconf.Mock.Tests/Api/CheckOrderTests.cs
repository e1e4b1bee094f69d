using Mconf.Mock.Tests.Support;

namespace Mconf.Mock.Tests.Api;

/// <summary>When a request fails several checks, the first in bbb-web's order answers (specs/reference.md §3.1-§3.9). The fake
/// walks the spec's checkOrder, so these literal expectations from specs/reference.md also guard the spec data.</summary>
public sealed class CheckOrderTests : FakeApiFixture
{
    private const string Bad = "checksum=0000000000000000000000000000000000000000";

    [TestCase("create", "name=x", "checksumError")]
    [TestCase("create", "name=x&" + Bad, "missingParamMeetingID")]
    [TestCase("create", "meetingID=%20%20&" + Bad, "missingParamMeetingID")]
    [TestCase("join", "redirect=false&" + Bad, "missingParamFullName")]
    [TestCase("join", "fullName=%20&password=ap&" + Bad, "missingParamFullName")]
    [TestCase("join", "fullName=A&" + Bad, "missingParamMeetingID")]
    [TestCase("join", "fullName=A&meetingID=m&" + Bad, "invalidPassword")]
    [TestCase("join", "fullName=A&meetingID=m&password=ap&" + Bad, "checksumError")]
    [TestCase("isMeetingRunning", Bad, "missingParamMeetingID")]
    [TestCase("getMeetingInfo", "password=mp&" + Bad, "missingParamMeetingID")]
    [TestCase("end", Bad, "missingParamMeetingID")]
    [TestCase("end", "meetingID=m&" + Bad, "invalidPassword")]
    [TestCase("end", "meetingID=m&password=mp&" + Bad, "checksumError")]
    [TestCase("publishRecordings", Bad, "missingParamRecordID")]
    [TestCase("publishRecordings", "recordID=r&" + Bad, "missingParamPublish")]
    [TestCase("publishRecordings", "recordID=r&publish=true&" + Bad, "checksumError")]
    [TestCase("deleteRecordings", Bad, "missingParamRecordID")]
    [TestCase("getMeetings", Bad, "checksumError")]
    [TestCase("getRecordings", "meetingID=m&" + Bad, "checksumError")]
    [TestCase("getStats", "meetingID=m", "checksumError")]
    public async Task FirstFailingCheckAnswers(string call, string rawQuery, string expectedKey) =>
        (await Api.CallRaw(call, rawQuery)).MessageKey.ShouldBe(expectedKey);
}
