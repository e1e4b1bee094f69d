namespace Mconf.Mock.Verification;

/// <summary>The stable codes of <see cref="RequestProblem"/>. Checksum codes name the likely cause of a rejected
/// checksum, found by recomputing it the ways clients usually get it wrong (specs/reference.md §2.2, §7).</summary>
public static class ProblemCodes
{
    /// <summary>No <c>checksum</c> parameter (or an empty one) on a call that needs it.</summary>
    public const string ChecksumMissing = "checksum-missing";

    /// <summary>The right digest, written in uppercase hex: bbb-web compares case-sensitively.</summary>
    public const string ChecksumUppercase = "checksum-uppercase-hex";

    /// <summary>The right digest for another call name (e.g. signed as <c>getMeetings</c>, sent to <c>getMeetingInfo</c>).</summary>
    public const string ChecksumWrongCallName = "checksum-wrong-call-name";

    /// <summary>The digest matches the same parameters written differently (re-encoded, unencoded, reordered):
    /// the checksum was not computed over the query string as sent.</summary>
    public const string ChecksumNotOverQueryAsSent = "checksum-not-over-query-as-sent";

    /// <summary>A SHA-256/384/512 checksum against a server that accepts SHA-1 only (every 0.9 server).</summary>
    public const string ChecksumAlgorithmNotAccepted = "checksum-algorithm-not-accepted";

    /// <summary>Not a hex digest of any known length.</summary>
    public const string ChecksumNotADigest = "checksum-not-a-digest";

    /// <summary>None of the above reproduces the digest: another secret, or the query was changed after signing.</summary>
    public const string ChecksumWrongSecret = "checksum-wrong-secret";

    /// <summary>Accepted here, but BBB 0.9 and Mconf-Live 0.7.x accept SHA-1 only.</summary>
    public const string ChecksumNotSha1 = "checksum-not-sha1";

    /// <summary>A parameter the call requires was not sent.</summary>
    public const string MissingRequiredParam = "missing-required-param";

    /// <summary>A parameter the call does not know.</summary>
    public const string UnknownParam = "unknown-param";

    /// <summary>The same parameter sent more than once.</summary>
    public const string RepeatedParam = "repeated-param";

    /// <summary>A parameter the server ignores although documents once described it (getMeetingInfo's password,
    /// join's webVoiceConf).</summary>
    public const string DeprecatedParam = "deprecated-param";

    /// <summary>A Mconf-Live parameter sent to a plain BBB 0.9 server, which ignores it.</summary>
    public const string UnsupportedParam = "unsupported-param";

    /// <summary>A path under the API that names no call.</summary>
    public const string UnknownCall = "unknown-call";

    /// <summary>An HTTP method the call does not accept.</summary>
    public const string MethodNotAllowed = "method-not-allowed";
}
