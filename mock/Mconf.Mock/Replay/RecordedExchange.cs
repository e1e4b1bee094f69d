using System.Text.Json.Serialization;

namespace Mconf.Mock.Replay;

/// <summary>One parameter of a recorded request, decoded.</summary>
internal sealed record RecordedParameter(string Name, string Value);

/// <summary>One request to a real server and its answer, as stored in a fixture file (one JSON file each): the
/// call, the decoded parameters without <c>checksum</c>, and the answer with the real secret and every checksum
/// replaced by <c>***</c>. Edit the files freely; replay matches on <see cref="Call"/> and the parameters.</summary>
internal sealed record RecordedExchange(
    string Call,
    string Method,
    IReadOnlyList<RecordedParameter> Parameters,
    int Status,
    string? ContentType,
    string? Location,
    string? Body)
{
    /// <summary>What replay matches on: the call and the parameters sorted by name then value, checksum excluded.</summary>
    [JsonIgnore]
    public string Key => KeyOf(Call, Parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));

    public static string KeyOf(string call, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sorted = parameters
            .Where(p => p.Key != "checksum")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value));
        return call + "?" + string.Join('&', sorted);
    }
}
