namespace Mconf.Spec.Signing;

/// <summary>Builds signed API query strings: parameters in the caller's order, encoded once, and the checksum
/// computed over exactly those bytes and appended last.</summary>
public sealed class RequestSigner(string secret, ChecksumAlgorithm algorithm = ChecksumAlgorithm.Sha1, SpaceStyle spaces = SpaceStyle.Plus)
{
    public ChecksumAlgorithm Algorithm => algorithm;

    /// <summary>Appends <c>checksum=</c> to an already-encoded query.</summary>
    public string Sign(string callName, string rawQuery)
    {
        var checksum = Checksum.Compute(callName, rawQuery, secret, algorithm);
        return rawQuery.Length == 0 ? "checksum=" + checksum : rawQuery + "&checksum=" + checksum;
    }

    public string SignedQuery(string callName, IEnumerable<KeyValuePair<string, string?>> parameters) =>
        Sign(callName, QueryString.Build(parameters, spaces));

    public Uri Url(ApiEndpoint endpoint, string callName, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.CallUrl(callName, SignedQuery(callName, parameters));
    }
}
