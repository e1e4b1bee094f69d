using System.Text.RegularExpressions;

namespace Mconf.Spec.Signing;

/// <summary>Keeps secrets out of reports and logs: checksum values and the shared secret (as typed and
/// percent-encoded) are replaced by <c>***</c>. A valid checksum plus its query would let anyone replay
/// the call, so every checksum value goes, valid or not.</summary>
public static partial class Redactor
{
    public const string Mask = "***";

    public static string Redact(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = ChecksumPair().Replace(text, m => m.Groups[1].Value + Mask);
        if (!string.IsNullOrEmpty(secret))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
            var encoded = QueryString.Encode(secret);
            if (encoded != secret)
            {
                result = result.Replace(encoded, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    [GeneratedRegex("((?:^|[?&;\\s\"'>])checksum=)[^&\\s\"'<]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChecksumPair();
}
