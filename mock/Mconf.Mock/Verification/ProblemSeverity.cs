using System.Text.Json.Serialization;

namespace Mconf.Mock.Verification;

/// <summary>How much a problem of a client request matters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemSeverity>))]
public enum ProblemSeverity
{
    /// <summary>The server accepts the request but ignores or tolerates part of it (unknown or deprecated parameter).</summary>
    [JsonStringEnumMemberName("warning")] Warning,

    /// <summary>The request fails or cannot mean what the client intended (bad checksum, missing parameter, unknown call).</summary>
    [JsonStringEnumMemberName("error")] Error,
}
