using System.Collections.Concurrent;
using System.Globalization;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>Bugs seeded on purpose for the explorer's own tests: each shows only after a particular sequence of
/// calls, which the explorer has to find and shrink.</summary>
public static partial class Mutations
{
    /// <summary>participantCount one too high (getMeetingInfo and getMeetings) for a meeting that has seen a
    /// second successful join.</summary>
    public static Mutation ParticipantCountOffAfterSecondJoin()
    {
        var joins = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        return new("participantCount + 1 after a second join", Response: (request, response) =>
        {
            if (request.Call == "join" && QueryString.Get(request.RawQuery, "meetingID") is { } joined && response.Body.Contains("SUCCESS", StringComparison.Ordinal))
            {
                joins.AddOrUpdate(joined, 1, (_, n) => n + 1);
                return response;
            }

            if (request.Call is not ("getMeetingInfo" or "getMeetings"))
            {
                return response;
            }

            return Rewrite(response, root =>
            {
                var meetings = request.Call == "getMeetings" ? Select(root, "meetings/meeting").ToList() : [root];
                foreach (var meeting in meetings)
                {
                    var id = meeting.Element("meetingID")?.Value.Trim() ?? "";
                    if (joins.TryGetValue(id, out var n) && n >= 2 && meeting.Element("participantCount") is { } count
                        && int.TryParse(count.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    {
                        count.Value = (value + 1).ToString(CultureInfo.InvariantCulture);
                    }
                }
            }, indent: false);
        });
    }
}
