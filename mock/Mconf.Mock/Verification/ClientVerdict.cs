using System.Text.Json.Serialization;

namespace Mconf.Mock.Verification;

/// <summary>The verdict on one client request, or on all of them (<see cref="ClientReport"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClientVerdict>))]
public enum ClientVerdict
{
    /// <summary>Well-formed: correctly signed, required parameters present, nothing unknown or deprecated.</summary>
    [JsonStringEnumMemberName("pass")] Pass,

    /// <summary>Accepted, but with warnings (unknown, deprecated or repeated parameters; a hash 0.9 servers refuse).</summary>
    [JsonStringEnumMemberName("warn")] Warn,

    /// <summary>At least one error: a real server would refuse the request or misread it.</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}
