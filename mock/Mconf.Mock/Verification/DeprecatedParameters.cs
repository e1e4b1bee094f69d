namespace Mconf.Mock.Verification;

/// <summary>Parameters a 0.9 server reads no more (or never did) although documents describe them, keyed by spec
/// ID (specs/reference.md §8: getMeetingInfo ignores password, join ignores webVoiceConf). Sending them is harmless, but the
/// client relies on something that has no effect.</summary>
internal static class DeprecatedParameters
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["getMeetingInfo/request/password"] = "getMeetingInfo ignores password (the 0.9 docs asked for it; the server never reads it, and it exposes the moderator password in logs).",
        ["join/request/webVoiceConf"] = "join ignores webVoiceConf in BBB 0.9 and Mconf-Live.",
    };
}
