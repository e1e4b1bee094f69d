using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mconf.Mock;

/// <summary>How bbb-web 0.9 derives identifiers from an external meeting ID (specs/reference.md §3, §6.1): meetings
/// and recordings are found by <see cref="Key"/>, the lower-case hex SHA-1 of the UTF-8 bytes of meetingID; the
/// internal meeting ID (also the record ID of its recording) is that key, a hyphen and the createTime in ms.
/// Server behaviour, so it lives in the fake; the suite computes its expectation on its own.</summary>
internal static class MeetingIds
{
    public static string Key(string meetingId)
    {
        ArgumentNullException.ThrowIfNull(meetingId);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(meetingId)));
    }

    public static string Internal(string meetingId, long createTime) => Key(meetingId) + "-" + createTime.ToString(CultureInfo.InvariantCulture);
}
