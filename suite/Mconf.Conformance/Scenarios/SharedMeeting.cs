using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>The one meeting the run shares between read-only observations: created with a moderator and a viewer
/// joined (on the fake they connect at once; on a real server they stay registered only, unless the run's driver
/// connects them through its <c>connect</c> action). <see cref="Missing"/> says why nobody is listed, if so.</summary>
internal sealed record SharedMeeting(OwnMeeting Meeting, ApiAnswer ModeratorJoin, ApiAnswer ViewerJoin, bool HasAttendees, string? Missing = null)
{
    public static async Task<SharedMeeting> CreateAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var meeting = await OwnMeetings.CreateAsync(ctx, "shared").ConfigureAwait(false);
        var moderatorId = ctx.Ledger.Prefix + "moderator";
        var moderator = await OwnMeetings.JoinAsync(ctx, meeting, moderatorId, moderator: true).ConfigureAwait(false);
        var viewer = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "viewer", moderator: false).ConfigureAwait(false);
        const string What = "the run's shared meeting lists nobody it joined";
        var (attendee, _, missing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, moderatorId, moderator: true, What).ConfigureAwait(false);
        if (attendee is not null && ctx.Session.Connector.Available)
        {
            // The moderator needed no client, or got one: the viewer too (a no-op where joins connect at once).
            var (_, _, viewerMissing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, ctx.Ledger.Prefix + "viewer", moderator: false, What).ConfigureAwait(false);
            missing = viewerMissing;
        }

        return new SharedMeeting(meeting, moderator, viewer, attendee is not null, attendee is null ? missing : null);
    }
}
