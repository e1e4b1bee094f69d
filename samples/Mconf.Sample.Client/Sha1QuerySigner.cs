using System.Security.Cryptography;
using System.Text;

namespace Mconf.Sample.Client;

/// <summary>The BigBlueButton 0.9 / Mconf-Live checksum: lowercase hex SHA-1 of
/// <c>callName + query + sharedSecret</c>, where <c>query</c> is the query string exactly as sent (same
/// encoding, same order), without the checksum itself. Appended last as <c>checksum=...</c>.</summary>
public sealed class Sha1QuerySigner(string secret) : IQuerySigner
{
    public string Sign(string call, string query)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(query);
#pragma warning disable CA5350 // SHA-1 is what the BBB 0.9 API prescribes; it is not our choice.
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(call + query + secret));
#pragma warning restore CA5350
        var checksum = Convert.ToHexStringLower(digest);
        return query.Length == 0 ? "checksum=" + checksum : query + "&checksum=" + checksum;
    }
}
