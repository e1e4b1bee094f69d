using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getMeetings (facts §3.6): GET only; every meeting in memory, or noMeetings.</summary>
public sealed class GetMeetingsHandler : ApiHandler
{
    public override string Call => "getMeetings";

    public override IReadOnlyList<string> Methods { get; } = ["GET", "HEAD"];

    public override ApiResult Handle(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Precheck(request, Call) is { } failed)
        {
            return failed;
        }

        var meetings = context.State.GetMeetings();
        if (meetings.Count == 0)
        {
            return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success)
                .SelfClosing("meetings")
                .Element("messageKey", "noMeetings")
                .Element("message", context.Answers.Message("noMeetings", Call))));
        }

        var writer = Envelope.Begin(Envelope.Success, 128 + (meetings.Count * 720)).Open("meetings");
        foreach (var meeting in meetings)
        {
            MeetingXml.WriteListEntry(writer, meeting, context.Mconf);
        }

        return ApiResult.Xml(Envelope.End(writer.Close("meetings")));
    }
}
