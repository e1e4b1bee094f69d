using System.Text.RegularExpressions;
using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>create (specs/reference.md §3.1): checksum missing → meetingID missing → checksum mismatch → idNotUnique.</summary>
internal sealed partial class CreateHandler : ApiHandler
{
    public override string Call => "create";

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        var meetingId = request.MeetingId!;

        var result = context.State.Create(new CreateCommand(meetingId)
        {
            Name = request.Get("name"),
            AttendeePw = request.Get("attendeePW"),
            ModeratorPw = request.Get("moderatorPW"),
            VoiceBridge = request.Get("voiceBridge"),
            WebVoice = request.Get("webVoice"),
            DialNumber = request.Get("dialNumber"),
            LogoutUrl = request.Get("logoutURL"),
            Record = request.Get("record"),
            MaxParticipants = request.Get("maxParticipants"),
            Duration = request.Get("duration"),
            Welcome = request.Get("welcome"),
            ModeratorOnlyMessage = request.Get("moderatorOnlyMessage"),
            AutoStartRecording = request.Get("autoStartRecording"),
            AllowStartStopRecording = request.Get("allowStartStopRecording"),
            Metadata = MetaParameters(request.Parameters),
        });
        if (result.Outcome == CreateOutcome.IdNotUnique)
        {
            return context.Fail("idNotUnique", Call);
        }

        var (key, message) = result.Outcome == CreateOutcome.DuplicateWarning
            ? ("duplicateWarning", context.Answers.Message("duplicateWarning", Call))
            : ("", "");
        var writer = Envelope.Begin(Envelope.Success, 512);
        MeetingXml.WriteCreated(writer, result.Meeting!, context.Mconf, key, message);
        return ApiAnswer.Xml(Envelope.End(writer));
    }

    /// <summary>Parameters named <c>meta_[a-zA-Z][a-zA-Z0-9-]*</c>, the suffix lower-cased; others starting with
    /// meta are ignored silently (specs/reference.md §3.1). getRecordings reads its filters the same way.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> MetaParameters(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in parameters)
        {
            if (!MetaName().IsMatch(name))
            {
                continue;
            }

            var key = name[5..].ToLowerInvariant();
            if (!result.Exists(p => p.Key == key))
            {
                result.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        return result;
    }

    [GeneratedRegex("^meta_[a-zA-Z][a-zA-Z0-9-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MetaName();
}
