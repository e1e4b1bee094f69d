using Mconf.Mock.Engine;
using Mconf.Mock.Xml;

namespace Mconf.Mock.Api;

/// <summary>The calls that read or end one meeting by meetingID (the pre-checks already required it).</summary>
internal static class MeetingCalls
{
    /// <summary>isMeetingRunning (specs/reference.md §3.3): running is true only with ≥1 connected user; unknown → false.</summary>
    public static ApiAnswer IsMeetingRunning(ApiRequest request, ApiContext context) =>
        ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("running", context.State.IsMeetingRunning(request.MeetingId!))));

    /// <summary>end (specs/reference.md §3.4): checksum missing → meetingID missing → password missing → checksum mismatch →
    /// notFound → not the moderator password.</summary>
    public static ApiAnswer End(ApiRequest request, ApiContext context) =>
        context.State.End(request.MeetingId!, request.Get("password")!) switch
        {
            EndOutcome.MeetingNotFound => context.Fail("notFound", request.Call),
            EndOutcome.InvalidPassword => context.Fail("invalidPassword", request.Call),
            _ => ApiAnswer.Xml(Envelope.Keyed(Envelope.Success, "sentEndMeetingRequest", context.Answers.Message("sentEndMeetingRequest", request.Call))),
        };

    /// <summary>getMeetingInfo (specs/reference.md §3.5; Mconf fields §6.1). The documented password parameter is ignored.</summary>
    public static ApiAnswer GetMeetingInfo(ApiRequest request, ApiContext context)
    {
        // The answer depends on the snapshot and the flavour only, so it is written once per snapshot (a change
        // to the meeting makes a new snapshot) and its UTF-8 bytes are kept for the wiring.
        var meeting = context.State.GetMeeting(request.MeetingId!);
        return meeting is null ? context.Fail("notFound", request.Call) : ApiAnswer.Xml(meeting.CachedAnswer(context.Mconf, InfoAnswer));
    }

    private static string InfoAnswer(MeetingSnapshot meeting, bool mconf)
    {
        var writer = Envelope.Begin(Envelope.Success, 1024 + (meeting.Attendees.Count * 400));
        MeetingXml.WriteInfo(writer, meeting, mconf);
        writer.Element("messageKey", "").Element("message", "");
        return EncodedBodies.Register(Envelope.End(writer));
    }
}
