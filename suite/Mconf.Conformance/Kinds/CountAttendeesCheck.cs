using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>count-attendees</c>: getMeetingInfo's count (participantCount, or moderatorCount counting
/// MODERATOR attendees) equals the attendee elements listed. With <c>mode=registered</c> the case first joins two
/// users to a meeting of its own whose clients never connect (on a real server they stay registered only): a
/// server counting registered users instead of connected ones is caught there, in getMeetingInfo and getMeetings.</summary>
internal sealed class CountAttendeesCheck : ICheck
{
    public string Kind => "count-attendees";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var countElement = c.SpecId[(c.SpecId.LastIndexOf('/') + 1)..];
        var moderatorsOnly = countElement == "moderatorCount";
        if (c.OptionalArg("mode") == "registered")
        {
            await RegisteredAsync(ctx, countElement).ConfigureAwait(false);
            return;
        }

        await Stable.JudgeAsync(ctx, $"{countElement} against the attendees listed", async () =>
        {
            var found = new List<Disagreement>();
            foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
            {
                var info = view.Info;
                var count = Expect.Element(info, countElement, SpecType.Number);
                var listed = info.Xml!.Select("attendees/attendee")
                    .Count(a => !moderatorsOnly || BbbResponse.Value(a, "role") == "MODERATOR").ToString(CultureInfo.InvariantCulture);
                ctx.Witness(info, $"meeting {view.MeetingId}", $"{countElement} {count}, {listed} {(moderatorsOnly ? "MODERATOR " : "")}attendee(s) listed");
                if (listed != count)
                {
                    found.Add(new(view.MeetingId, $"{countElement} of '{view.MeetingId}' to be {listed} (the {(moderatorsOnly ? "moderator " : "")}attendees listed)", $"'{count}'", info));
                }
            }

            return found;
        }).ConfigureAwait(false);
    }

    /// <summary>A meeting of the run with two joins (redirect=false) and no client: participantCount counts the
    /// connected attendees listed, never the registrations.</summary>
    private static async Task RegisteredAsync(CaseContext ctx, string countElement)
    {
        var meeting = await OwnMeetings.CreateAsync(ctx, "registered").ConfigureAwait(false);
        foreach (var moderator in new[] { true, false })
        {
            var join = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "registered-" + ctx.Ledger.Random(), moderator).ConfigureAwait(false);
            Expect.Error(join, "successfullyJoined", success: true);
        }

        var attendees = 0;
        await Stable.JudgeAsync(ctx, $"{countElement} of a meeting with registered users", async () =>
        {
            var found = new List<Disagreement>();
            var info = await OwnMeetings.InfoAsync(ctx, meeting.Id, meeting.ModeratorPW).ConfigureAwait(false);
            Expect.Success(info);
            var count = Expect.Element(info, countElement, SpecType.Number);
            attendees = info.Xml!.Select("attendees/attendee").Count();
            var listed = attendees.ToString(CultureInfo.InvariantCulture);
            ctx.Witness(info, $"meeting {meeting.Id} (two users joined without a client)", $"{countElement} {count}, {listed} attendee(s) listed");
            if (count != listed)
            {
                found.Add(new("getMeetingInfo", $"{countElement} of '{meeting.Id}' to be {listed}, the attendees listed (two users joined; only connected clients count)", $"'{count}'", info));
            }

            var list = await ctx.CallAsync("getMeetings").ConfigureAwait(false);
            var entry = Expect.Success(list).Select("meetings/meeting").FirstOrDefault(m => BbbResponse.Value(m, "meetingID") == meeting.Id);
            if (entry is not null && BbbResponse.Value(entry, countElement) is { } listedCount)
            {
                ctx.Witness(list, $"meeting {meeting.Id} (two users joined without a client)", $"{countElement} {listedCount} in getMeetings, {listed} attendee(s) in getMeetingInfo",
                    "getMeetings/response/meetings/meeting/" + countElement);
                if (listedCount != listed)
                {
                    found.Add(new("getMeetings", $"{countElement} of '{meeting.Id}' in getMeetings to be {listed}, the attendees its getMeetingInfo lists (only connected clients count)", $"'{listedCount}'", list));
                }
            }

            return found;
        }).ConfigureAwait(false);
        ctx.Observe(attendees > 0
            ? "users who joined without a client were listed as attendees at once (the target connects joined users itself)"
            : "users who joined without a client were not listed nor counted (a user counts once a client connects)");
    }
}
