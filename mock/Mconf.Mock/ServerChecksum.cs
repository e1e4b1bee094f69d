using Mconf.Spec.Signing;

namespace Mconf.Mock;

/// <summary>Outcome of checking a request's checksum the way bbb-web 0.9 does.</summary>
public enum ChecksumVerdict
{
    /// <summary>The checksum matches the query as sent.</summary>
    Valid,

    /// <summary>The query has no checksum parameter.</summary>
    Missing,

    /// <summary>A checksum was given but matches no accepted algorithm.</summary>
    Mismatch,
}

/// <summary>The result of <see cref="ServerChecksum"/>'s verification.</summary>
/// <param name="Verdict">Valid, missing or mismatched.</param>
/// <param name="Algorithm">The algorithm that matched, when valid.</param>
public readonly record struct ChecksumCheck(ChecksumVerdict Verdict, ChecksumAlgorithm? Algorithm = null)
{
    /// <summary>True when the verdict is <see cref="ChecksumVerdict.Valid"/>.</summary>
    public bool IsValid => Verdict == ChecksumVerdict.Valid;
}

/// <summary>The server side of BBB checksums (specs/reference.md §2.1, §2.2): find the checksum in the raw query
/// string as sent, strip it, recompute. Only the fake verifies checksums; the suite and clients only sign
/// (<see cref="Checksum.Compute"/> in the spec core).</summary>
public static class ServerChecksum
{
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
                && string.Equals(Checksum.Compute(callName, stripped, secret, algorithm), given, StringComparison.Ordinal))
            {
                return new ChecksumCheck(ChecksumVerdict.Valid, algorithm);
            }
        }

        return new ChecksumCheck(ChecksumVerdict.Mismatch);
    }
}
