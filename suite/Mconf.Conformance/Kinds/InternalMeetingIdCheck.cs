using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>internal-meeting-id</c>: getMeetingInfo's internalMeetingID is sha1hex(meetingID) + "-" + createTime,
/// checked on every observed meeting (the run's own and those the target lists). The expectation is computed here,
/// not borrowed from the fake, so a hashing bug in one cannot hide in the other; fixtures/meeting-ids/vectors.json
/// (computed with Python) anchors both (specs/reference.md §6.1). With <c>call=getRecordings</c>: every recording's
/// recordID is the recorded session's internal meeting ID (§3.7), so it is sha1hex(the recording's meetingID) + "-" +
/// digits (the session's createTime, which no other answer shows); recordings whose meetingID is not ASCII are not
/// judged (the hashed bytes of non-ASCII IDs are UNCERTAIN, §6.1).</summary>
internal sealed class InternalMeetingIdCheck : ICheck
{
    public string Kind => "internal-meeting-id";

    /// <summary>Lower-case hex SHA-1 of the UTF-8 bytes of <paramref name="meetingId"/>, a hyphen, <paramref name="createTime"/>
    /// as the target wrote it.</summary>
    public static string Expected(string meetingId, string createTime) => Target.KitMeetings.InternalId(meetingId, createTime);

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        switch (ctx.RequireCase().OptionalArg("call"))
        {
            case "getRecordings":
                await RecordingsAsync(ctx).ConfigureAwait(false);
                return;
            case "join":
                await JoinAsync(ctx).ConfigureAwait(false);
                return;
        }

        var infos = (await ctx.Session.Shared.MeetingAnswersAsync(ctx).ConfigureAwait(false)).Skip(1).ToList();
        if (infos.Count == 0)
        {
            throw new CaseInconclusive("no meeting on the target to ask getMeetingInfo about (getMeetings lists none)");
        }

        // The run's own meeting is judged against what the suite knows from elsewhere: the meetingID it sent and the
        // createTime of its create answer, so a server wrong the same way in both getMeetingInfo fields still fails.
        var own = ctx.CanCreate ? (await ctx.Session.Shared.MeetingAsync(ctx).ConfigureAwait(false)).Meeting : null;
        foreach (var info in infos)
        {
            var meetingId = Expect.Element(info, "meetingID");
            var createTime = Expect.Element(info, "createTime", Mconf.Spec.Model.SpecType.Timestamp);
            var actual = Expect.Element(info, "internalMeetingID");
            var basis = "computed by the suite";
            if (own is not null && meetingId == own.Id)
            {
                var created = Expect.Element(own.Create, "createTime", Mconf.Spec.Model.SpecType.Timestamp);
                Expect.Equal(created, createTime, $"createTime of '{meetingId}' in getMeetingInfo (what its create answered)", info);
                basis = "computed by the suite from the meetingID it sent and its create answer's createTime";
            }

            Expect.Equal(Expected(meetingId, createTime), actual, $"internalMeetingID of '{meetingId}' (sha1(meetingID)-createTime)", info);
            ctx.Witness(info, $"meeting {meetingId}", $"internalMeetingID '{actual}' = sha1(meetingID)-createTime, {basis}");
        }
    }

    /// <summary>join's redirect=false answer names the meeting by its internal ID (specs/reference.md §3.2), computed
    /// from the meetingID the suite sent and its create answer's createTime, for two joins of a fresh meeting.</summary>
    private static async Task JoinAsync(CaseContext ctx)
    {
        ctx.RequireLifecycle("a join answer can only be observed by joining a meeting of the run");
        var meeting = await OwnMeetings.CreateAsync(ctx, "join-ids").ConfigureAwait(false);
        var expected = Expected(meeting.Id, Expect.Element(meeting.Create, "createTime", Mconf.Spec.Model.SpecType.Timestamp));
        foreach (var moderator in new[] { true, false })
        {
            var join = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "ids-" + ctx.Ledger.Random(6), moderator).ConfigureAwait(false);
            Expect.Success(join);
            var actual = Expect.Element(join, "meeting_id");
            Expect.Equal(expected, actual, $"meeting_id of the {(moderator ? "moderator's" : "viewer's")} join answer (the internal meeting ID, sha1(meetingID)-createTime)", join);
            ctx.Witness(join, $"join of meeting {meeting.Id}", $"meeting_id '{actual}' = sha1(meetingID)-createTime of its create answer");
        }
    }

    private static async Task RecordingsAsync(CaseContext ctx)
    {
        var records = await MeaningRecords.ReadAsync(ctx, "getRecordings", "recordings/recording").ConfigureAwait(false);
        var judged = 0;
        foreach (var record in records)
        {
            var meetingId = Mconf.Spec.Xml.BbbResponse.Text(MeaningRecords.Required(record, "meetingID")[0]);
            var recordId = Mconf.Spec.Xml.BbbResponse.Text(MeaningRecords.Required(record, "recordID")[0]);
            if (!meetingId.All(char.IsAscii))
            {
                continue;
            }

            var prefix = Expected(meetingId, "");
            if (!recordId.StartsWith(prefix, StringComparison.Ordinal) || recordId.Length == prefix.Length || !recordId[prefix.Length..].All(char.IsAsciiDigit))
            {
                throw new CaseFailure($"recordID of the recording of meeting '{meetingId}' to be its session's internal meeting ID, sha1(meetingID)-createTime: {prefix}<digits>",
                    $"'{recordId}'", record.Answer);
            }

            if (judged++ < MeaningRecords.MaxWitnesses)
            {
                ctx.Witness(record.Answer, record.Label, $"recordID '{recordId}' = sha1(meetingID '{meetingId}')-createTime");
            }
        }

        if (judged == 0)
        {
            throw new CaseInconclusive(records.Count == 0
                ? "getRecordings lists no recording on the target"
                : "getRecordings lists no recording with an ASCII meetingID (how non-ASCII IDs are hashed is uncertain)");
        }
    }
}
