using System.Security.Cryptography;
using System.Text;

namespace Mconf.Spec.Signing;

/// <summary>BBB API checksums: hex digest of <c>callName + query + secret</c>, where the query is the raw
/// query string exactly as sent with the checksum pair removed (specs/reference.md §2.2). Client-side signing only:
/// verifying a request is server behaviour and lives in the fake (<c>Mconf.Mock.ServerChecksum</c>).</summary>
public static class Checksum
{
    public static string Compute(string callName, string query, string secret, ChecksumAlgorithm algorithm = ChecksumAlgorithm.Sha1)
    {
        ArgumentNullException.ThrowIfNull(callName);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = Encoding.UTF8.GetBytes(callName + query + secret);
        var digest = algorithm switch
        {
            ChecksumAlgorithm.Sha1 => SHA1.HashData(bytes),
            ChecksumAlgorithm.Sha256 => SHA256.HashData(bytes),
            ChecksumAlgorithm.Sha384 => SHA384.HashData(bytes),
            ChecksumAlgorithm.Sha512 => SHA512.HashData(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return Convert.ToHexStringLower(digest);
    }
}
