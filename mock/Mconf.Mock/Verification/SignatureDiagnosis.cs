using Mconf.Spec.Signing;

namespace Mconf.Mock.Verification;

/// <summary>Judges a request's checksum the way bbb-web 0.9 checks it (over the raw query string as sent, lowercase
/// hex) and, when it does not match, finds the likely cause by recomputing the digest the ways clients get it wrong:
/// uppercase hex, a hash the server does not accept, another call name, the same parameters encoded or ordered
/// differently from what was sent. The secret is never guessed: what matches none of these is reported as
/// "another secret, or a query changed after signing".</summary>
internal static class SignatureDiagnosis
{
    /// <param name="call">The call name the request was sent to.</param>
    /// <param name="rawQuery">The query string exactly as sent.</param>
    /// <param name="secret">The server's shared secret.</param>
    /// <param name="accepted">The hashes the server accepts.</param>
    /// <param name="otherCalls">Call names to try when the checksum was computed for another call.</param>
    public static SignatureCheck Diagnose(string call, string rawQuery, string secret, IReadOnlyCollection<ChecksumAlgorithm> accepted, IEnumerable<string> otherCalls)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(rawQuery);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(otherCalls);
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (secret.Length == 0)
        {
            return new SignatureCheck(SignatureStatus.NotRequired, null, null, "The server has no secret: every checksum is accepted.");
        }

        var given = ServerChecksum.Extract(query);
        if (string.IsNullOrEmpty(given))
        {
            return Invalid(SignatureStatus.Missing, ProblemCodes.ChecksumMissing, null, $"No checksum: add checksum=sha1(\"{call}\" + query + secret) to the query.");
        }

        var verdict = ServerChecksum.Verify(call, query, secret, accepted);
        if (verdict.IsValid)
        {
            return new SignatureCheck(SignatureStatus.Valid, null, verdict.Algorithm, $"Valid {verdict.Algorithm!.Value.Name()} checksum over the query as sent.");
        }

        var algorithm = ChecksumAlgorithms.All.Cast<ChecksumAlgorithm?>().FirstOrDefault(a => a!.Value.HexLength() == given.Length);
        if (algorithm is not { } hash || !given.All(Uri.IsHexDigit))
        {
            return Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumNotADigest, null,
                $"The checksum ({given.Length} characters) is not a lowercase hex digest: SHA-1 has 40 hex digits, SHA-256 64.");
        }

        var lower = given.ToLowerInvariant();
        var uppercase = !string.Equals(lower, given, StringComparison.Ordinal);
        var stripped = ServerChecksum.Strip(query, given);
        bool Matches(string callName, string baseQuery) =>
            string.Equals(Checksum.Compute(callName, baseQuery, secret, hash), lower, StringComparison.Ordinal);

        if (Matches(call, stripped))
        {
            return !accepted.Contains(hash)
                ? Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumAlgorithmNotAccepted, hash,
                    $"A correct {hash.Name()} checksum, but this server accepts {string.Join('/', accepted.Select(a => a.Name()))} only (BBB 0.9 and Mconf-Live 0.7.x: SHA-1).") with { AlsoUppercase = uppercase }
                : Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumUppercase, hash,
                    "The right checksum in uppercase hex: bbb-web compares case-sensitively, so write the digest in lowercase.");
        }

        foreach (var (variant, what) in QueryVariants.Of(stripped))
        {
            if (Matches(call, variant))
            {
                return Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumNotOverQueryAsSent, hash,
                    $"The checksum was computed over {what}.") with { AlsoUppercase = uppercase };
            }
        }

        foreach (var other in CallNameCandidates(call, otherCalls))
        {
            if (Matches(other, stripped))
            {
                return Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumWrongCallName, hash,
                    $"The checksum is right for the call name '{other}', but the request went to '{call}': the base string starts with the call's own name.") with { AlsoUppercase = uppercase };
            }
        }

        return Invalid(SignatureStatus.Invalid, ProblemCodes.ChecksumWrongSecret, hash,
            "The checksum matches no usual mistake over these parameters: the client most likely uses another secret (or changed the query after signing it).");
    }

    private static IEnumerable<string> CallNameCandidates(string call, IEnumerable<string> otherCalls)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { call };
        var candidates = otherCalls.Concat([call + ".xml", call.ToLowerInvariant(), "/" + call, "api/" + call, ""]);
        return candidates.Where(seen.Add);
    }

    private static SignatureCheck Invalid(SignatureStatus status, string cause, ChecksumAlgorithm? algorithm, string explanation) =>
        new(status, cause, algorithm, explanation);
}
