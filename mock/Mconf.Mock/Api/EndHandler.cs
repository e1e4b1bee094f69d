using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>end (specs/reference.md §3.4): checksum missing → meetingID missing → password missing → checksum mismatch →
/// notFound → not the moderator password.</summary>
internal sealed class EndHandler : ApiHandler
{
    public override string Call => "end";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var meetingId = request.MeetingId!;
        var password = request.Get("password")!;

        return context.State.End(meetingId, password) switch
        {
            EndOutcome.MeetingNotFound => context.Fail("notFound", Call),
            EndOutcome.InvalidPassword => context.Fail("invalidPassword", Call),
            _ => ApiResult.Xml(Envelope.Keyed(Envelope.Success, "sentEndMeetingRequest", context.Answers.Message("sentEndMeetingRequest", Call))),
        };
    }
}
