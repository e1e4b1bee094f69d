using System.Text.Json.Serialization;

namespace Mconf.Mock.Faults;

/// <summary>What an injected fault does to a call's answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>The normal answer, after <see cref="FaultSpec.DelayMs"/>.</summary>
    [JsonStringEnumMemberName("latency")] Latency,

    /// <summary>An HTTP error status (default 503) with an HTML error page (or <see cref="FaultSpec.Body"/>).</summary>
    [JsonStringEnumMemberName("status")] Status,

    /// <summary>The connection is closed before any byte of the answer is sent.</summary>
    [JsonStringEnumMemberName("drop")] Drop,

    /// <summary>The normal answer cut after <see cref="FaultSpec.Bytes"/> bytes (default: half of it).</summary>
    [JsonStringEnumMemberName("truncate")] Truncate,

    /// <summary>HTTP 200 with XML that does not parse (the normal answer with a mismatched end tag, or <see cref="FaultSpec.Body"/>).</summary>
    [JsonStringEnumMemberName("malformed")] Malformed,

    /// <summary>A FAILED envelope with <see cref="FaultSpec.MessageKey"/> and <see cref="FaultSpec.Message"/>.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
