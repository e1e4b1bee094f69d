using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>running-attendees</c>: isMeetingRunning's running is true only for a meeting with at least one
/// connected user (specs/reference.md §3.3), judged against getMeetingInfo's attendees of the same meeting: a fresh
/// meeting of the case that nobody joined answers false; once a user the case joined is listed (connected through
/// the run's driver when needed) it answers true. Inconclusive when that user never shows up.</summary>
internal sealed class RunningAttendeesCheck : ICheck
{
    public string Kind => "running-attendees";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var meeting = await OwnMeetings.CreateAsync(ctx, "running").ConfigureAwait(false);
        await JudgeAsync(ctx, meeting, "nobody joined").ConfigureAwait(false);

        var userId = ctx.Ledger.Prefix + "running-" + ctx.Ledger.Random();
        var join = await OwnMeetings.JoinAsync(ctx, meeting, userId, moderator: true).ConfigureAwait(false);
        Expect.Error(join, "successfullyJoined", success: true);
        var (attendee, _, missing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, userId, moderator: true,
            "running with a connected user").ConfigureAwait(false);
        if (attendee is null)
        {
            throw new CaseInconclusive((missing ?? "the joined user was never listed among the attendees") + " (running was false while nobody had joined)");
        }

        await JudgeAsync(ctx, meeting, "a user joined and connected").ConfigureAwait(false);
    }

    /// <summary>Reads the attendees first and running after, so a user connecting in between errs towards true.</summary>
    private static async Task JudgeAsync(CaseContext ctx, OwnMeeting meeting, string state)
    {
        var info = await OwnMeetings.InfoAsync(ctx, meeting.Id, meeting.ModeratorPW).ConfigureAwait(false);
        var attendees = Expect.Success(info).Select("attendees/attendee").Count();
        var running = await ctx.CallAsync("isMeetingRunning", ("meetingID", meeting.Id)).ConfigureAwait(false);
        var value = Expect.Element(running, "running");
        var expected = attendees > 0 ? "true" : "false";
        Expect.Equal(expected, value, $"running of '{meeting.Id}' ({state}; getMeetingInfo lists {attendees.ToString(CultureInfo.InvariantCulture)} attendee(s))", running);
        var record = $"meeting {meeting.Id} ({state})";
        ctx.Witness(info, record, $"{attendees.ToString(CultureInfo.InvariantCulture)} attendee(s) listed");
        ctx.Witness(running, record, $"running {value} ({attendees.ToString(CultureInfo.InvariantCulture)} attendee(s) in getMeetingInfo)");
    }
}
