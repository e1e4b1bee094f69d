using Mconf.Mock;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>Correct servers configured differently, one mutation each: what real servers legitimately vary.</summary>
public static partial class Mutations
{
    /// <summary>A guest policy that accepts guests at once: guests are listed with guest true and
    /// waitingForAcceptance false.</summary>
    public static Mutation GuestsAcceptedAtOnce() =>
        Xml("guests accepted at once", "getMeetingInfo", root =>
        {
            foreach (var waiting in Select(root, "attendees/attendee/waitingForAcceptance"))
            {
                waiting.Value = "false";
            }
        });

    /// <summary>videoCount counts participants sharing video (the wiki's reading) instead of streams.</summary>
    public static Mutation VideoCountPerParticipant(FakeMconfServer fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        return Xml("videoCount per participant", "getMeetings", root =>
        {
            foreach (var meeting in Select(root, "meetings/meeting"))
            {
                var id = meeting.Element("meetingID")?.Value.Trim() ?? "";
                if (fake.Control.GetMeeting(id) is { } snapshot && meeting.Element("videoCount") is { } count)
                {
                    count.Value = snapshot.Attendees.Count(a => a.VideoStreams.Count > 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        });
    }

    /// <summary>A 0.9 server URL-decoding meetingID and recordID a second time: the value the upstream gets is
    /// decoded once more ('+' becomes a space, '%41' becomes 'A') and the request re-signed.</summary>
    public static Mutation DecodeIdsTwice(string secret) =>
        new("IDs URL-decoded twice", Request: request =>
        {
            if (request.Call.Length == 0 || !request.RawQuery.Contains("checksum=", StringComparison.Ordinal))
            {
                return request;
            }

            var pairs = QueryString.Parse(request.RawQuery).ToList();
            if (!pairs.Any(p => p.Key is "meetingID" or "recordID"))
            {
                return request;
            }

            var valid = ServerChecksum.Verify(request.Call, request.RawQuery, secret, ChecksumAlgorithms.All).IsValid;
            var decoded = pairs.Where(p => p.Key != "checksum").Select(p => new KeyValuePair<string, string?>(p.Key,
                p.Key is "meetingID" or "recordID" ? DecodeOnce(p.Value) : p.Value));
            var query = QueryString.Build(decoded);
            // Only a request the target would accept is re-signed; a bad checksum stays bad.
            return request with { RawQuery = valid ? new RequestSigner(secret).Sign(request.Call, query) : query + "&checksum=0" };
        });

    /// <summary>getStats answers an empty selection with noStats and no &lt;stats&gt; element at all.</summary>
    public static Mutation NoStatsWithoutElement() =>
        Xml("noStats without a stats element", "getStats", root =>
        {
            if (root.Element("messageKey")?.Value.Trim() == "noStats" && root.Element("stats") is { } stats && !stats.HasElements)
            {
                stats.Remove();
            }
        });

    /// <summary>java.net.URLDecoder.decode: '+' is a space, %XX a UTF-8 byte; a malformed escape stays as it is.</summary>
    private static string DecodeOnce(string value)
    {
        try
        {
            return QueryString.Decode(value);
        }
        catch (FormatException)
        {
            return value;
        }
    }
}
