using System.Text.Json.Serialization;

namespace Mconf.Conformance.Model;

/// <summary>A case's outcome. Only <see cref="Passed"/> is a pass: inconclusive (nothing on the target to
/// observe) and skipped (not applicable to this run) are reported apart and never counted as passes.
/// <see cref="KnownFailing"/> is a failure the user listed as expected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("known-failing")] KnownFailing,
}
