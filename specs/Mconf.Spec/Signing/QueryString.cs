using System.Text;

namespace Mconf.Spec.Signing;

/// <summary>How a space is written in a query value. Both are valid on the wire: bbb-web hashes the string
/// as sent, so only the signer and the sender have to agree.</summary>
public enum SpaceStyle
{
    /// <summary><c>+</c>, as Java's URLEncoder, Ruby's CGI.escape and PHP's urlencode write it.</summary>
    Plus,

    /// <summary><c>%20</c>, as RFC 3986 and JavaScript's encodeURIComponent write it.</summary>
    Percent,
}

/// <summary>UTF-8 percent-encoding and tolerant decoding of query strings. System.Net.WebUtility and
/// Uri.EscapeDataString each cover one style only, and neither decodes leniently, hence this small class.</summary>
public static class QueryString
{
    public static string Encode(string value, SpaceStyle spaces = SpaceStyle.Plus)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else if (c == '~' && spaces == SpaceStyle.Percent)
            {
                builder.Append(c);
            }
            else if (c == '*' && spaces == SpaceStyle.Plus)
            {
                builder.Append(c);
            }
            else if (c == ' ' && spaces == SpaceStyle.Plus)
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    /// <summary><c>name=value&amp;...</c> in the given order; values that are null are left out, as client
    /// libraries do.</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string?>> parameters, SpaceStyle spaces = SpaceStyle.Plus)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => Encode(p.Key, spaces) + "=" + Encode(p.Value!, spaces)));
    }

    /// <summary>Splits a raw query into decoded pairs, keeping order and duplicates. Malformed escapes are
    /// kept literally and invalid UTF-8 becomes U+FFFD rather than failing.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? rawQuery)
    {
        var query = rawQuery ?? "";
        if (query.StartsWith('?'))
        {
            query = query[1..];
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
        }

        return pairs;
    }

    /// <summary>The decoded value of the first parameter called <paramref name="name"/>, or null.</summary>
    public static string? Get(string? rawQuery, string name)
    {
        foreach (var pair in Parse(rawQuery))
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.IndexOfAny(['%', '+']) < 0)
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < encoded.Length && char.IsLowSurrogate(encoded[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded.Substring(i, 2)));
                i++;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
