using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>isMeetingRunning (specs/reference.md §3.3): running is true only with ≥1 connected user; unknown → false.</summary>
internal sealed class IsMeetingRunningHandler : ApiHandler
{
    public override string Call => "isMeetingRunning";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var meetingId = request.MeetingId!;

        var running = context.State.IsMeetingRunning(meetingId);
        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("running", running)));
    }
}
