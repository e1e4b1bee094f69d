using System.Security.Cryptography;
using System.Text;

namespace Mconf.Spec.Signing;

/// <summary>Outcome of checking a request's checksum the way bbb-web 0.9 does.</summary>
public enum ChecksumVerdict
{
    Valid,
    Missing,
    Mismatch,
}

public readonly record struct ChecksumCheck(ChecksumVerdict Verdict, ChecksumAlgorithm? Algorithm = null)
{
    public bool IsValid => Verdict == ChecksumVerdict.Valid;
}

/// <summary>BBB API checksums: hex digest of <c>callName + query + secret</c>, where the query is the raw
/// query string exactly as sent with the checksum pair removed (facts §2.2).</summary>
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

    /// <summary>The decoded value of the first <c>checksum</c> parameter, or null when there is none.</summary>
    public static string? Extract(string rawQuery) => QueryString.Get(rawQuery, "checksum");

    /// <summary>Removes the checksum pair by plain string replacement, in bbb-web's order, so the checksum may
    /// stand first, in the middle or last.</summary>
    public static string Strip(string rawQuery, string checksumValue)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        ArgumentNullException.ThrowIfNull(checksumValue);
        return rawQuery
            .Replace("&checksum=" + checksumValue, "", StringComparison.Ordinal)
            .Replace("checksum=" + checksumValue + "&", "", StringComparison.Ordinal)
            .Replace("checksum=" + checksumValue, "", StringComparison.Ordinal);
    }

    /// <summary>Checks a raw query string (without the leading <c>?</c>) as bbb-web does: case-sensitive
    /// comparison (uppercase hex is rejected), the algorithm picked by the digest length among
    /// <paramref name="accepted"/>. An empty secret accepts everything, as on a real server.</summary>
    public static ChecksumCheck Verify(string callName, string? rawQuery, string secret, IReadOnlyCollection<ChecksumAlgorithm> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var query = rawQuery ?? "";
        if (query.StartsWith('?'))
        {
            query = query[1..];
        }

        var given = Extract(query);
        if (secret.Length == 0)
        {
            return new ChecksumCheck(ChecksumVerdict.Valid);
        }

        if (string.IsNullOrEmpty(given))
        {
            return new ChecksumCheck(ChecksumVerdict.Missing);
        }

        var stripped = Strip(query, given);
        foreach (var algorithm in accepted)
        {
            if (given.Length == algorithm.HexLength()
                && string.Equals(Compute(callName, stripped, secret, algorithm), given, StringComparison.Ordinal))
            {
                return new ChecksumCheck(ChecksumVerdict.Valid, algorithm);
            }
        }

        return new ChecksumCheck(ChecksumVerdict.Mismatch);
    }
}
