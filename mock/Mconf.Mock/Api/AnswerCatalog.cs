using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Mock.Api;

/// <summary>The exact message of every answer key, per call. Data flows spec → fake: every message comes from the
/// spec catalogue (specs/errors.json, embedded in Mconf.Spec and so always loaded), the fake's own answers
/// (internalError, serverUnavailable, noRecordedAnswer: scope <c>fake</c>) and setConfigXML's (scope
/// <c>outside-spec</c>) included; nothing here writes a message of its own.</summary>
internal sealed class AnswerCatalog
{
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

    /// <summary>The fake's answer when it fails while answering (a defect of the fake, logged).</summary>
    public const string InternalError = "internalError";

    /// <summary>The message of one of the fake's own keys (scope <c>fake</c> in specs/errors.json).</summary>
    public static string OwnMessage(string key) =>
        SpecCatalog.Load().Errors.SingleOrDefault(e => e.Key == key && e.Scope == ErrorSpec.FakeScope)?.Message
            ?? throw new KeyNotFoundException($"'{key}' is not one of the fake's own answer keys in specs/errors.json.");

    /// <summary>A FAILED envelope for one of the fake's own keys, which need no call.</summary>
    public static string OwnError(string key) => Xml.Envelope.Error(key, OwnMessage(key));

    /// <summary>The catalogue's message for the key as this call gives it; for a call the spec does not describe,
    /// the key's message when the catalogue has only one (e.g. getDefaultConfigXML's checksumError).</summary>
    public string Message(string key, string call)
    {
        var entry = Spec.Errors.FirstOrDefault(e => e.Key == key && e.Calls.Contains(call))
            ?? (Spec.Errors.Count(e => e.Key == key) == 1 ? Spec.Errors.First(e => e.Key == key) : null);
        return entry?.Message ?? throw new KeyNotFoundException($"No message for answer key '{key}' of '{call}'.");
    }
}
