using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>The one meeting the run shares between read-only observations: created with a moderator and a viewer
/// joined (on the fake they connect at once; on a real server they stay registered only).</summary>
public sealed record SharedMeeting(OwnMeeting Meeting, ApiAnswer ModeratorJoin, ApiAnswer ViewerJoin, bool HasAttendees)
{
    public static async Task<SharedMeeting> CreateAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var meeting = await OwnMeetings.CreateAsync(ctx, "shared").ConfigureAwait(false);
        var moderatorId = ctx.Ledger.Prefix + "moderator";
        var moderator = await OwnMeetings.JoinAsync(ctx, meeting, moderatorId, moderator: true).ConfigureAwait(false);
        var viewer = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "viewer", moderator: false).ConfigureAwait(false);
        var (attendee, _) = await OwnMeetings.WaitForAttendeeAsync(ctx, meeting, moderatorId).ConfigureAwait(false);
        return new SharedMeeting(meeting, moderator, viewer, attendee is not null);
    }
}
