using Mconf.Spec;

namespace Mconf.Mock.Api;

/// <summary>The exact message of every answer key, per call. Data flows spec → fake: messages come from the spec
/// catalogue (specs/errors.json), which is embedded in Mconf.Spec and so always loads. Only answers the spec does not
/// describe are defined here: setConfigXML's (a call outside the spec) and the fake's own (internalError,
/// serverUnavailable, noRecordedAnswer). Those stay out of errors.json: it describes what a real server answers, and
/// spec lint requires every entry's calls to list the key in specs/calls.</summary>
internal sealed class AnswerCatalog
{
    /// <summary>Answers with no spec entry, from specs/reference.md §3.11, plus the fake's own.</summary>
    internal static readonly IReadOnlyDictionary<string, string> OutsideSpec = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["configXMLError"] = "You did not pass a config XML",
        ["configXMLChecksumError"] = "configXMLChecksumError: request did not pass the checksum security check.",
        ["internalError"] = "The fake server could not handle this request; see its log.",
        [ServerUnavailable] = "The server is unavailable (outage set on the fake).",
        [NoRecordedAnswer] = "No recorded answer for {0} ({1} recorded for this call; replay matches the call and all its parameters except checksum).",
    };

    /// <summary>The answer of a fake taken down with <c>Outage.Failed</c>.</summary>
    public const string ServerUnavailable = "serverUnavailable";

    /// <summary>Replay's answer for a request it has no recording of; the message is a format: the request's key
    /// and how many answers were recorded for its call.</summary>
    public const string NoRecordedAnswer = "noRecordedAnswer";

    public AnswerCatalog(SpecCatalog spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    public SpecCatalog Spec { get; }

    public static AnswerCatalog Load() => new(SpecCatalog.Load());

    public static string InternalErrorMessage => OutsideSpec["internalError"];

    /// <summary>A FAILED envelope for one of the fake's own keys (<see cref="OutsideSpec"/>), which need no call.</summary>
    public static string OwnError(string key) => Xml.Envelope.Error(key, OutsideSpec[key]);

    /// <summary>The catalogue's message for the key as this call gives it; for a call the spec does not describe,
    /// the key's message when the catalogue has only one (e.g. getDefaultConfigXML's checksumError).</summary>
    public string Message(string key, string call)
    {
        var entry = Spec.Errors.FirstOrDefault(e => e.Key == key && e.Calls.Contains(call))
            ?? (Spec.Errors.Count(e => e.Key == key) == 1 ? Spec.Errors.First(e => e.Key == key) : null);
        return entry?.Message
            ?? (OutsideSpec.TryGetValue(key, out var message) ? message
                : throw new KeyNotFoundException($"No message for answer key '{key}' of '{call}'."));
    }
}
