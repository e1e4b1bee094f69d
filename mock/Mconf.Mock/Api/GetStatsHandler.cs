using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getStats (Mconf-Live only, specs/reference.md §6.4, shape uncertain): the wiki's stats/meeting shape; meetingID
/// selects like getRecordings; an empty result is SUCCESS with <c>&lt;stats/&gt;</c> and messageKey noStats.</summary>
internal sealed class GetStatsHandler : ApiHandler
{
    public override string Call => "getStats";

    public override bool InBbb09 => false;

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        var stats = context.State.GetStats(GetRecordingsHandler.MeetingIdList(request));
        if (stats.Count == 0)
        {
            return context.EmptyList("noStats", "stats", Call);
        }

        var writer = Envelope.Begin(Envelope.Success, 128 + (stats.Count * 800)).Open("stats");
        foreach (var meeting in stats)
        {
            StatsXml.Write(writer, meeting);
        }

        return ApiAnswer.Xml(Envelope.End(writer.Close("stats")));
    }
}
