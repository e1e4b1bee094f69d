using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getRecordings (specs/reference.md §3.7; Mconf meta_ filters §6.3): GET only. meetingID is a comma-separated
/// list, URL-decoded a second time before splitting, as bbb-web does.</summary>
public sealed class GetRecordingsHandler : ApiHandler
{
    public override string Call => "getRecordings";

    public override IReadOnlyList<string> Methods { get; } = ["GET", "HEAD"];

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var filters = context.Mconf ? CreateHandler.MetaParameters(request.Parameters) : [];
        var recordings = context.State.GetRecordings(MeetingIdList(request), filters);
        if (recordings.Count == 0)
        {
            return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success)
                .SelfClosing("recordings")
                .Element("messageKey", "noRecordings")
                .Element("message", context.Answers.Message("noRecordings", Call))));
        }

        var writer = Envelope.Begin(Envelope.Success, 128 + (recordings.Count * 1200)).Open("recordings");
        foreach (var recording in recordings)
        {
            RecordingXml.Write(writer, recording, context.Mconf);
        }

        return ApiResult.Xml(Envelope.End(writer.Close("recordings")), noCache: false);
    }

    /// <summary>The external meeting IDs selected by <c>meetingID</c>, or null (all) when it is absent or empty.</summary>
    public static IReadOnlyList<string>? MeetingIdList(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = ApiRequest.Present(request.Get("meetingID"));
        return value is null ? null : Java.Split(QueryString.Decode(value), ',');
    }
}
