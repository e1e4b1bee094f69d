using Mconf.Spec;

namespace Mconf.Mock.Api;

/// <summary>The exact message of every answer key, per call. Data flows spec → fake: messages come from the
/// spec catalogue (specs/errors.json); the built-in table below, copied from the facts (§4, §3.11), only covers
/// calls the catalogue does not describe (setConfigXML, getDefaultConfigXML) or a catalogue that cannot load.</summary>
public sealed class AnswerCatalog
{
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        ["checksumError"] = "You did not pass the checksum security check",
        ["missingParamMeetingID"] = "You must specify a meeting ID for the meeting.",
        ["missingParamFullName"] = "You must specify a name for the attendee who will be joining the meeting.",
        ["invalidPassword/join"] = "You either did not supply a password or the password supplied is neither the attendee or moderator password for this conference.",
        ["invalidPassword/end"] = "You must supply the moderator password for this call.",
        ["invalidMeetingIdentifier"] = "The meeting ID that you supplied did not match any existing meetings",
        ["meetingForciblyEnded"] = "You can not re-join a meeting that has already been forcibly ended.  However, once the meeting is removed from memory (according to the timeout configured on this server, you will be able to once again create a meeting with the same meeting ID",
        ["mismatchCreateTime"] = "The createTime parameter submitted mismatches with the current meeting.",
        ["noConfigFound"] = "We could not find a config for this request.",
        ["idNotUnique"] = "A meeting already exists with that meeting ID.  Please use a different meeting ID.",
        ["duplicateWarning"] = "This conference was already in existence and may currently be in progress.",
        ["notFound/end"] = "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?",
        ["notFound/getMeetingInfo"] = "We could not find a meeting with that meeting ID",
        ["notFound/publishRecordings"] = "We could not find recordings",
        ["notFound/deleteRecordings"] = "We could not find recordings",
        ["missingParamRecordID"] = "You must specify a recordID.",
        ["missingParamPublish"] = "You must specify a publish value true or false.",
        ["noMeetings"] = "no meetings were found on this server",
        ["noRecordings"] = "There are not recordings for the meetings",
        ["sentEndMeetingRequest"] = "A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.",
        ["successfullyJoined"] = "You have joined successfully.",
        ["noStats"] = "",
        ["configXMLError"] = "You did not pass a config XML",
        ["configXMLChecksumError"] = "configXMLChecksumError: request did not pass the checksum security check.",
        ["internalError"] = "The fake server could not handle this request; see its log.",
    };

    private readonly SpecCatalog? _spec;

    private AnswerCatalog(SpecCatalog? spec, string? loadError)
    {
        _spec = spec;
        LoadError = loadError;
    }

    /// <summary>Why the spec catalogue could not be read (null when it was).</summary>
    public string? LoadError { get; }

    public bool FromSpec => _spec is not null;

    public static AnswerCatalog Load()
    {
        try
        {
            return new AnswerCatalog(SpecCatalog.Load(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or KeyNotFoundException or IOException)
        {
            return new AnswerCatalog(null, ex.Message);
        }
    }

    /// <summary>The built-in table only (tests compare it with the catalogue).</summary>
    public static AnswerCatalog BuiltInOnly() => new(null, null);

    public string Message(string key, string call)
    {
        if (_spec is not null)
        {
            var entry = _spec.Errors.FirstOrDefault(e => e.Key == key && e.Calls.Contains(call))
                ?? (_spec.Errors.Count(e => e.Key == key) == 1 ? _spec.Errors.First(e => e.Key == key) : null);
            if (entry is not null)
            {
                return entry.Message;
            }
        }

        return BuiltIn.TryGetValue(key + "/" + call, out var perCall) ? perCall
            : BuiltIn.TryGetValue(key, out var message) ? message
            : throw new KeyNotFoundException($"No message for answer key '{key}' of '{call}'.");
    }
}
