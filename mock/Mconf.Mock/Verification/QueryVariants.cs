using System.Text;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>Other ways a client may have written the same parameters before signing them (specs/reference.md §7): each
/// variant is a base string the checksum might have been computed over, with a sentence saying what the client
/// did. Used only to explain a checksum that does not match the query as sent.</summary>
internal static class QueryVariants
{
    public static IEnumerable<(string Query, string What)> Of(string sent)
    {
        var pairs = QueryString.Parse(sent);
        var seen = new HashSet<string>(StringComparer.Ordinal) { sent };
        var sorted = pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).ToList();
        var candidates = new (string Query, string What)[]
        {
            (Join(pairs, p => Plus(p)), "the same parameters encoded with '+' for spaces (Java URLEncoder, PHP urlencode) while the query was sent encoded otherwise: sign the exact string you send"),
            (Join(pairs, p => Percent(p)), "the same parameters encoded with %20 for spaces (RFC 3986) while the query was sent encoded otherwise: sign the exact string you send"),
            (Join(pairs, p => EncodeUriComponent(p)), "the same parameters encoded by JavaScript's encodeURIComponent while the query was sent encoded otherwise: sign the exact string you send"),
            (Join(pairs, p => p), "the parameters unencoded (signed before URL-encoding, then the HTTP layer encoded them): sign the encoded query"),
            (LowerHexEscapes(sent), "the query with lowercase %xx escapes, while it was sent with uppercase ones: sign the exact string you send"),
            (UpperHexEscapes(sent), "the query with uppercase %XX escapes, while it was sent with lowercase ones: sign the exact string you send"),
            ("?" + sent, "the query with its leading '?': the base string is the call name followed directly by the query"),
            (string.Join('&', sent.Split('&').Order(StringComparer.Ordinal)), "the parameters in another order (sorted by name) than the one sent: sign the query in the order you send it"),
            (Join(sorted, p => Plus(p)), "the parameters sorted by name and '+'-encoded, while the query was sent in another order or encoding"),
            (Join(sorted, p => p), "the parameters sorted by name and unencoded, while the query was sent in another order and encoded"),
        };
        foreach (var candidate in candidates)
        {
            if (seen.Add(candidate.Query))
            {
                yield return candidate;
            }
        }
    }

    private static string Join(IEnumerable<KeyValuePair<string, string>> pairs, Func<string, string> encode) =>
        string.Join('&', pairs.Select(p => encode(p.Key) + "=" + encode(p.Value)));

    private static string Plus(string value) => QueryString.Encode(value, SpaceStyle.Plus);

    private static string Percent(string value) => QueryString.Encode(value, SpaceStyle.Percent);

    /// <summary>JavaScript's encodeURIComponent: unreserved plus <c>!'()*</c> unescaped, space as %20.</summary>
    private static string EncodeUriComponent(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    private static string LowerHexEscapes(string query) => RewriteEscapes(query, upper: false);

    private static string UpperHexEscapes(string query) => RewriteEscapes(query, upper: true);

    private static string RewriteEscapes(string query, bool upper)
    {
        var builder = new StringBuilder(query);
        for (var i = 0; i + 2 < builder.Length; i++)
        {
            if (builder[i] == '%' && Uri.IsHexDigit(builder[i + 1]) && Uri.IsHexDigit(builder[i + 2]))
            {
                builder[i + 1] = upper ? char.ToUpperInvariant(builder[i + 1]) : char.ToLowerInvariant(builder[i + 1]);
                builder[i + 2] = upper ? char.ToUpperInvariant(builder[i + 2]) : char.ToLowerInvariant(builder[i + 2]);
                i += 2;
            }
        }

        return builder.ToString();
    }
}
