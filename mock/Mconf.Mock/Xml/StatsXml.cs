using Mconf.Mock.Engine;

namespace Mconf.Mock.Xml;

/// <summary>getStats' <c>&lt;meeting&gt;</c>, in the wiki's shape (specs/reference.md §6.4).</summary>
internal static class StatsXml
{
    public static void Write(BbbXmlWriter w, MeetingStats s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.Open("meeting")
            .Element("meetingID", s.MeetingId)
            .Element("meetingName", s.MeetingName)
            .Element("recordID", s.RecordId)
            .Element("startTime", s.StartTime)
            .Element("endTime", s.EndTime)
            .Open("participants");
        foreach (var p in s.Participants)
        {
            w.Open("participant")
                .Element("userID", p.UserId)
                .Element("userName", p.UserName)
                .Element("joinTime", p.JoinTime)
                .Element("leftTime", p.LeftTime)
                .Close("participant");
        }

        w.Close("participants").Close("meeting");
    }
}
