using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Reading getStats answers. An empty answer may be SUCCESS with an empty &lt;stats/&gt; and/or messageKey
/// noStats (specs/reference.md §6.4); a 404 or a non-XML answer means the call does not exist.</summary>
internal static class StatsAnswers
{
    public static BbbResponse Expect(ApiAnswer answer)
    {
        if (answer.Xml is null)
        {
            throw new CaseFailure("getStats to answer an XML <response> (the call exists on Mconf-Live)", answer.Summary(), answer);
        }

        if (!answer.Xml.IsSuccess)
        {
            throw new CaseFailure("getStats to answer returncode SUCCESS", answer.Summary(), answer);
        }

        return answer.Xml;
    }

    /// <summary>meetingID of every stats/meeting entry, in answer order (duplicates kept: several sessions per ID).</summary>
    public static List<string> MeetingIds(BbbResponse xml) =>
        [.. xml.Select("stats/meeting").Select(m => BbbResponse.Value(m, "meetingID") ?? "")];

    /// <summary>Each stats/meeting entry's identity, as text: its meetingID, meetingName and recordID.</summary>
    public static List<string> Identities(BbbResponse xml) =>
        [.. xml.Select("stats/meeting").Select(m => $"(meetingID '{BbbResponse.Value(m, "meetingID")}', meetingName '{BbbResponse.Value(m, "meetingName")}', recordID '{BbbResponse.Value(m, "recordID")}')")];
}
