using System.Text.Json.Serialization;

namespace Mconf.Conformance.Model;

/// <summary>A case's outcome. Only <see cref="Passed"/> is a pass: inconclusive (nothing on the target to
/// observe) and skipped (not applicable to this run) are reported apart and never counted as passes.
/// <see cref="KnownFailing"/> is a failure the user listed as expected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The target conforms.</summary>
    [JsonStringEnumMemberName("passed")] Passed,
    /// <summary>The target does not conform; the message says how.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Nothing on the target to observe; not a pass.</summary>
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
    /// <summary>Not applicable to this run; not a pass.</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,
    /// <summary>A failure listed in the known-failing list.</summary>
    [JsonStringEnumMemberName("known-failing")] KnownFailing,
}
