using Mconf.Mock.Engine;

namespace Mconf.Mock.Xml;

/// <summary>Meeting elements in the Mconf-Live 0.7.3 order, or the plain BBB 0.9 order when
/// <c>mconf</c> is false (specs/reference.md §3.1, §3.5, §3.6).</summary>
internal static class MeetingXml
{
    /// <summary>create's answer after <c>returncode</c>.</summary>
    public static void WriteCreated(BbbXmlWriter w, MeetingSnapshot m, bool mconf, string messageKey, string message)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(m);
        var d = m.Definition;
        w.Element("meetingID", d.MeetingId)
            .Element("attendeePW", d.AttendeePw)
            .Element("moderatorPW", d.ModeratorPw)
            .Element("createTime", d.CreateTime);
        if (mconf)
        {
            w.Element("voiceBridge", d.VoiceBridge).Element("dialNumber", d.DialNumber);
        }

        w.Element("createDate", d.CreateDate)
            .Element("hasUserJoined", m.Status.HasUserJoined)
            .Element("duration", d.Duration)
            .Element("hasBeenForciblyEnded", m.Status.HasBeenForciblyEnded)
            .Element("messageKey", messageKey)
            .Element("message", message);
    }

    /// <summary>getMeetingInfo's answer after <c>returncode</c>, up to and including metadata.</summary>
    public static void WriteInfo(BbbXmlWriter w, MeetingSnapshot m, bool mconf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(m);
        var d = m.Definition;
        w.Element("meetingName", d.Name).Element("meetingID", d.MeetingId);
        if (mconf)
        {
            w.Element("internalMeetingID", d.InternalMeetingId);
        }

        w.Element("createTime", d.CreateTime)
            .Element("createDate", d.CreateDate)
            .Element("voiceBridge", d.VoiceBridge)
            .Element("dialNumber", d.DialNumber)
            .Element("attendeePW", d.AttendeePw)
            .Element("moderatorPW", d.ModeratorPw)
            .Element("running", m.Running)
            .Element("duration", d.Duration)
            .Element("hasUserJoined", m.Status.HasUserJoined)
            .Element("recording", d.Record)
            .Element("hasBeenForciblyEnded", m.Status.HasBeenForciblyEnded)
            .Element("startTime", m.Status.StartTime)
            .Element("endTime", m.Status.EndTime)
            .Element("participantCount", m.ParticipantCount);
        if (mconf)
        {
            w.Element("listenerCount", m.ListenerCount).Element("voiceParticipantCount", m.VoiceParticipantCount);
        }

        w.Element("maxUsers", d.MaxUsers).Element("moderatorCount", m.ModeratorCount).Open("attendees");
        foreach (var a in m.Attendees)
        {
            WriteAttendee(w, a, mconf);
        }

        w.Close("attendees");
        WritePairs(w, "metadata", d.Metadata);
    }

    /// <summary>One <c>&lt;meeting&gt;</c> of getMeetings.</summary>
    public static void WriteListEntry(BbbXmlWriter w, MeetingSnapshot m, bool mconf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(m);
        var d = m.Definition;
        w.Open("meeting")
            .Element("meetingID", d.MeetingId)
            .Element("meetingName", d.Name)
            .Element("createTime", d.CreateTime)
            .Element("createDate", d.CreateDate);
        if (mconf)
        {
            w.Element("voiceBridge", d.VoiceBridge).Element("dialNumber", d.DialNumber);
        }

        w.Element("attendeePW", d.AttendeePw)
            .Element("moderatorPW", d.ModeratorPw)
            .Element("hasBeenForciblyEnded", m.Status.HasBeenForciblyEnded)
            .Element("running", m.Running);
        if (mconf)
        {
            w.Element("participantCount", m.ParticipantCount)
                .Element("listenerCount", m.ListenerCount)
                .Element("voiceParticipantCount", m.VoiceParticipantCount)
                .Element("videoCount", m.VideoCount);
        }

        w.Element("duration", d.Duration).Element("hasUserJoined", m.Status.HasUserJoined).Close("meeting");
    }

    private static void WriteAttendee(BbbXmlWriter w, AttendeeSnapshot a, bool mconf)
    {
        w.Open("attendee").Element("userID", a.UserId).Element("fullName", a.FullName).Element("role", a.Role);
        if (mconf)
        {
            w.Element("guest", a.Guest)
                .Element("waitingForAcceptance", a.WaitingForAcceptance)
                .Element("isPresenter", a.IsPresenter)
                .Element("isListeningOnly", a.IsListeningOnly)
                .Element("hasJoinedVoice", a.HasJoinedVoice)
                .Open("videoStreams");
            foreach (var stream in a.VideoStreams)
            {
                w.Element("streamName", stream);
            }

            w.Close("videoStreams");
        }

        WritePairs(w, "customdata", a.CustomData);
        w.Close("attendee");
    }

    /// <summary><c>&lt;name&gt;&lt;key&gt;value&lt;/key&gt;…&lt;/name&gt;</c>; keys were checked to be XML names when stored.</summary>
    private static void WritePairs(BbbXmlWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        w.Open(name);
        foreach (var pair in pairs)
        {
            w.Element(pair.Key, pair.Value);
        }

        w.Close(name);
    }
}
