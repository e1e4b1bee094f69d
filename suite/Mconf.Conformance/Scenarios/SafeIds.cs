namespace Mconf.Conformance.Scenarios;

/// <summary>IDs the suite can send back to a target unchanged. A 0.9 server URL-decodes some parameters a second
/// time, so an ID holding <c>+</c>, <c>%</c>, a space or a non-ASCII character may be read as another one; a comma
/// splits getStats' and getRecordings' selections. The suite uses only IDs without them (inconclusive when there
/// is none): never a false failure because of the server's decoding.</summary>
internal static class SafeIds
{
    public const string Why = "IDs holding +, %, a space, a comma or a non-ASCII character are not sent back (a 0.9 server may URL-decode them a second time, and a comma splits a selection)";

    public static bool IsSafe(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => c is > ' ' and < (char)127 and not ('+' or '%' or ','));
}
