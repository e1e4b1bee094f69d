using Mconf.Mock.Engine;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>One request to an API call: the call name, the method, and the raw query string exactly as sent
/// (no leading <c>?</c>), which is what the checksum is computed over. Parameters are decoded tolerantly; a
/// repeated parameter counts by its first occurrence.</summary>
internal sealed class ApiRequest
{
    private IReadOnlyList<KeyValuePair<string, string>>? _parameters;

    public ApiRequest(string call, string method, string rawQuery, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(rawQuery);
        Call = call;
        Method = method;
        RawQuery = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        Body = body;
    }

    public string Call { get; }

    public string Method { get; }

    public string RawQuery { get; }

    /// <summary>The request body as text (only setConfigXML reads it: form fields count as parameters there).</summary>
    public string? Body { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters ??= QueryString.Parse(RawQuery);

    /// <summary>The decoded value of the first parameter with this exact (case-sensitive) name, or null.</summary>
    public string? Get(string name)
    {
        foreach (var pair in Parameters)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>meetingID stripped of whitespace; null when absent or blank (bbb-web's "missing").</summary>
    public string? MeetingId => Present(Get("meetingID"));

    /// <summary>The value stripped of Java whitespace, or null when that leaves nothing.</summary>
    public static string? Present(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var stripped = Java.Strip(value);
        return stripped.Length == 0 ? null : stripped;
    }
}
