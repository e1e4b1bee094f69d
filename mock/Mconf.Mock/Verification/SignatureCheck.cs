using System.Text.Json.Serialization;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>Whether a request was signed as the server expects.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignatureStatus>))]
public enum SignatureStatus
{
    /// <summary>The checksum matches.</summary>
    [JsonStringEnumMemberName("valid")] Valid,

    /// <summary>The call takes no checksum (the API root, enter, configXML, signOut, stuns), or the server has no secret.</summary>
    [JsonStringEnumMemberName("not-required")] NotRequired,

    /// <summary>The call needs a checksum and none was sent.</summary>
    [JsonStringEnumMemberName("missing")] Missing,

    /// <summary>A checksum was sent but does not match.</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,

    /// <summary>Not judged from the query string (setConfigXML signs its form body; unknown calls).</summary>
    [JsonStringEnumMemberName("not-checked")] NotChecked,
}

/// <summary>The signature verdict of one request. For an invalid one, <see cref="Cause"/> is the likely cause as a
/// <see cref="ProblemCodes"/> code and <see cref="Explanation"/> says what was found.</summary>
public sealed record SignatureCheck(SignatureStatus Status, string? Cause, ChecksumAlgorithm? Algorithm, string Explanation)
{
    /// <summary>True when valid or not required: the server would accept the request.</summary>
    public bool IsValid => Status is SignatureStatus.Valid or SignatureStatus.NotRequired;

    /// <summary>Also written in uppercase hex (reported with another cause).</summary>
    public bool AlsoUppercase { get; init; }
}
