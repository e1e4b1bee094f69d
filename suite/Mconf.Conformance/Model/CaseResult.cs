using Mconf.Spec.Cases;

namespace Mconf.Conformance.Model;

/// <summary>One HTTP exchange made by a case, already redacted: the URL carries no checksum and no secret.</summary>
public sealed record Exchange(string Method, string Url, int Status, string? ContentType, string? Body, string? Location = null);

/// <summary>What a case found. <see cref="Message"/> says, on failure, what was expected and what came back;
/// on inconclusive or skipped, why. <see cref="Evidence"/> holds the redacted exchanges. <see cref="Observations"/>
/// names legitimate variations the case saw on the target (e.g. which reading of videoCount it follows), whatever
/// the verdict; reports show them.</summary>
public sealed record CaseResult(
    ConformanceCase Case,
    Verdict Verdict,
    string Message,
    TimeSpan Duration,
    IReadOnlyList<Exchange> Evidence)
{
    /// <summary>Legitimate variations the case saw on the target, whatever the verdict.</summary>
    public IReadOnlyList<string> Observations { get; init; } = [];

    /// <summary>The values the case observed and judged (redacted), each under the spec ID it verifies.</summary>
    public IReadOnlyList<Witness> Witnesses { get; init; } = [];
}
