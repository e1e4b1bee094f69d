using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>end (facts §3.4): checksum missing → meetingID missing → password missing → checksum mismatch →
/// notFound → not the moderator password.</summary>
public sealed class EndHandler : ApiHandler
{
    public override string Call => "end";

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

        var password = request.Get("password");
        if (string.IsNullOrEmpty(password))
        {
            return context.Fail("invalidPassword", Call);
        }

        if (verdict != ChecksumVerdict.Valid)
        {
            return context.Fail("checksumError", Call);
        }

        return context.State.End(meetingId, password) switch
        {
            EndOutcome.MeetingNotFound => context.Fail("notFound", Call),
            EndOutcome.InvalidPassword => context.Fail("invalidPassword", Call),
            _ => ApiResult.Xml(Envelope.Keyed(Envelope.Success, "sentEndMeetingRequest", context.Answers.Message("sentEndMeetingRequest", Call))),
        };
    }
}
