using System.Runtime.CompilerServices;
using System.Text;

namespace Mconf.Mock.Api;

/// <summary>The UTF-8 bytes of answers that are served many times (the cached getMeetingInfo and getMeetings
/// answers), keyed by the identity of the answer string: the wiring sends these bytes as they are instead of
/// encoding the string again on every request. An entry lives as long as its string does.</summary>
internal static class EncodedBodies
{
    private static readonly ConditionalWeakTable<string, byte[]> Bytes = new();

    /// <summary>Encodes <paramref name="body"/> once and remembers the bytes; returns the same string.</summary>
    public static string Register(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Bytes.AddOrUpdate(body, Encoding.UTF8.GetBytes(body));
        return body;
    }

    /// <summary>The bytes registered for this very string (not an equal one), or null.</summary>
    public static byte[]? Find(string body) => Bytes.TryGetValue(body, out var bytes) ? bytes : null;
}
