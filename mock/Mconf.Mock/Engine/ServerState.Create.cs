using System.Globalization;
using Mconf.Spec;

namespace Mconf.Mock.Engine;

internal sealed partial class ServerState
{
    /// <summary>Creates a meeting as if create had been called at <paramref name="createTime"/> (for seeding);
    /// null when a meeting with that ID exists.</summary>
    internal Meeting? CreateAt(CreateCommand command, long createTime)
    {
        var definition = Define(command, createTime);
        var meeting = new Meeting(definition, Clock, Ids.LocalSeed(Settings.Seed, "meeting", definition.InternalMeetingId), _version, Settings);
        return Meetings.TryAdd(meeting, out _) ? meeting : null;
    }

    /// <summary>The meeting a control call names, or a <see cref="FakeControlException"/> (NotFound).</summary>
    internal Meeting RequireMeeting(string meetingId) =>
        Meetings.Find(meetingId) ?? throw new FakeControlException(ControlError.NotFound, $"No meeting '{meetingId}' is in memory.");

    /// <summary>Forgets everything: meetings, recordings, stats.</summary>
    internal void Clear()
    {
        Meetings.Clear();
        Recordings.Clear();
        Stats.Clear();
        _configs.Clear();
    }
    /// <summary>bbb-web's <c>processCreateParams</c>: defaults for every absent or empty parameter (specs/reference.md §3.1).</summary>
    private MeetingDefinition Define(CreateCommand c, long createTime)
    {
        var random = new Random(Ids.LocalSeed(Settings.Seed, "create", c.MeetingId, createTime.ToString(CultureInfo.InvariantCulture)));
        var name = c.Name ?? "";
        var attendeePw = string.IsNullOrEmpty(c.AttendeePw) ? Ids.RandomAlphanumeric(random, 8) : c.AttendeePw;
        var moderatorPw = string.IsNullOrEmpty(c.ModeratorPw) ? Ids.RandomAlphanumeric(random, 8) : c.ModeratorPw;
        var voiceBridge = string.IsNullOrEmpty(c.VoiceBridge) ? Ids.RandomNumeric(random, Settings.VoiceBridgeDigits) : c.VoiceBridge;
        var dialNumber = string.IsNullOrEmpty(c.DialNumber) ? Settings.DefaultDialNumber : c.DialNumber;
        var welcome = (string.IsNullOrEmpty(c.Welcome) ? Settings.DefaultWelcome : c.Welcome)
            .Replace("%%DIALNUM%%", dialNumber, StringComparison.Ordinal)
            .Replace("%%CONFNUM%%", voiceBridge, StringComparison.Ordinal)
            .Replace("%%CONFNAME%%", name, StringComparison.Ordinal)
            .Replace("%%SERVERURL%%", Settings.ServerUrl, StringComparison.Ordinal);
        return new MeetingDefinition(
            MeetingId: c.MeetingId,
            InternalMeetingId: MeetingIds.Internal(c.MeetingId, createTime),
            Name: name,
            CreateTime: createTime,
            CreateDate: Java.DateToString(createTime),
            AttendeePw: attendeePw,
            ModeratorPw: moderatorPw,
            VoiceBridge: voiceBridge,
            WebVoice: string.IsNullOrEmpty(c.WebVoice) ? voiceBridge : c.WebVoice,
            DialNumber: dialNumber,
            LogoutUrl: string.IsNullOrEmpty(c.LogoutUrl) ? Settings.ServerUrl : c.LogoutUrl,
            Record: Java.ParseBoolean(c.Record),
            MaxUsers: Java.ParseInt(c.MaxParticipants, Settings.DefaultMaxUsers),
            Duration: Java.ParseInt(c.Duration, 0),
            Welcome: welcome,
            ModeratorOnlyMessage: string.IsNullOrEmpty(c.ModeratorOnlyMessage) ? null : c.ModeratorOnlyMessage,
            AutoStartRecording: Java.ParseBoolean(c.AutoStartRecording),
            AllowStartStopRecording: c.AllowStartStopRecording is null || Java.ParseBoolean(c.AllowStartStopRecording),
            Metadata: c.Metadata);
    }
}
