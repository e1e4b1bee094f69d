using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>isMeetingRunning (facts §3.3): running is true only with ≥1 connected user; unknown → false.</summary>
public sealed class IsMeetingRunningHandler : ApiHandler
{
    public override string Call => "isMeetingRunning";

    public override ApiResult Handle(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var verdict = context.Verify(request);
        if (verdict == ChecksumVerdict.Missing)
        {
            return context.Fail("checksumError", Call);
        }

        var meetingId = request.MeetingId;
        if (meetingId is null)
        {
            return context.Fail("missingParamMeetingID", Call);
        }

        if (verdict != ChecksumVerdict.Valid)
        {
            return context.Fail("checksumError", Call);
        }

        var running = context.State.IsMeetingRunning(meetingId);
        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("running", running)));
    }
}
