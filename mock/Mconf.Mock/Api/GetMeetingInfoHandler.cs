using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getMeetingInfo (specs/reference.md §3.5; Mconf fields §6.1). The documented password parameter is ignored.</summary>
internal sealed class GetMeetingInfoHandler : ApiHandler
{
    public override string Call => "getMeetingInfo";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var meetingId = request.MeetingId!;

        var meeting = context.State.GetMeeting(meetingId);
        if (meeting is null)
        {
            return context.Fail("notFound", Call);
        }

        // The answer depends on the snapshot and the flavour only, so it is written once per snapshot (a change
        // to the meeting makes a new snapshot) and its UTF-8 bytes are kept for the wiring.
        return ApiResult.Xml(meeting.CachedAnswer(context.Mconf, Answer));
    }

    private static string Answer(MeetingSnapshot meeting, bool mconf)
    {
        var writer = Envelope.Begin(Envelope.Success, 1024 + (meeting.Attendees.Count * 400));
        MeetingXml.WriteInfo(writer, meeting, mconf);
        writer.Element("messageKey", "").Element("message", "");
        return EncodedBodies.Register(Envelope.End(writer));
    }
}
