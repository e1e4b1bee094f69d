namespace Mconf.Spec.Signing;

/// <summary>Hash functions a BBB-family server may accept. BBB 0.9 and Mconf-Live 0.7.x accept SHA-1 only;
/// SHA-256 arrived in 2017, SHA-384/512 in BBB 2.5.</summary>
public enum ChecksumAlgorithm
{
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

public static class ChecksumAlgorithms
{
    public static IReadOnlyList<ChecksumAlgorithm> All { get; } =
        [ChecksumAlgorithm.Sha1, ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Sha384, ChecksumAlgorithm.Sha512];

    /// <summary>Length of the lowercase hex digest, which is how a server tells the algorithm apart.</summary>
    public static int HexLength(this ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Sha1 => 40,
        ChecksumAlgorithm.Sha256 => 64,
        ChecksumAlgorithm.Sha384 => 96,
        ChecksumAlgorithm.Sha512 => 128,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Parses <c>sha1</c>, <c>SHA-256</c>, <c>sha384</c>... (case and dash insensitive).</summary>
    public static bool TryParse(string? text, out ChecksumAlgorithm algorithm)
    {
        algorithm = ChecksumAlgorithm.Sha1;
        var normalised = text?.Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        switch (normalised)
        {
            case "sha1": algorithm = ChecksumAlgorithm.Sha1; return true;
            case "sha256": algorithm = ChecksumAlgorithm.Sha256; return true;
            case "sha384": algorithm = ChecksumAlgorithm.Sha384; return true;
            case "sha512": algorithm = ChecksumAlgorithm.Sha512; return true;
            default: return false;
        }
    }

    public static string Name(this ChecksumAlgorithm algorithm) => algorithm.ToString().ToLowerInvariant();
}
