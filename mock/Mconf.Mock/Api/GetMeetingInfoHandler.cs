using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getMeetingInfo (facts §3.5; Mconf fields §6.1). The documented password parameter is ignored.</summary>
public sealed class GetMeetingInfoHandler : ApiHandler
{
    public override string Call => "getMeetingInfo";

    public override ApiResult Handle(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Precheck(request, Call) is { } failed)
        {
            return failed;
        }

        var meetingId = request.MeetingId!;

        var meeting = context.State.GetMeeting(meetingId);
        if (meeting is null)
        {
            return context.Fail("notFound", Call);
        }

        var writer = Envelope.Begin(Envelope.Success, 1024 + (meeting.Attendees.Count * 400));
        MeetingXml.WriteInfo(writer, meeting, context.Mconf);
        writer.Element("messageKey", "").Element("message", "");
        return ApiResult.Xml(Envelope.End(writer));
    }
}
