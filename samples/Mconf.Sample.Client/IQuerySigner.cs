namespace Mconf.Sample.Client;

/// <summary>Adds the checksum to an API query. The client calls it with the query exactly as it will send it.</summary>
public interface IQuerySigner
{
    /// <param name="call">The API call name, e.g. <c>getMeetingInfo</c>.</param>
    /// <param name="query">The encoded query string, without <c>?</c> (may be empty).</param>
    /// <returns>The query with <c>checksum=...</c> appended.</returns>
    string Sign(string call, string query);
}
