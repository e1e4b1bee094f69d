namespace Mconf.Conformance.Model;

/// <summary>What the preflight learnt of the target. <see cref="Url"/> never carries the secret.
/// <see cref="Flavour"/> is <c>mconf-live</c>, <c>bbb-0.9</c> or <c>unknown</c>, judged from which deltas the
/// target shows; <see cref="Embedded"/> is true when the target is the kit's own fake.</summary>
public sealed record TargetFingerprint(
    string Url,
    bool HadApiSuffix,
    string? ApiVersion,
    string Flavour,
    string ChecksumAlgorithm,
    bool Embedded);
