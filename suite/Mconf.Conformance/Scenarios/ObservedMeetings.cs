using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Scenarios;

/// <summary>One meeting as seen at about the same moment by getMeetings (its entry) and getMeetingInfo.</summary>
internal sealed record MeetingView(string MeetingId, System.Xml.Linq.XElement? ListEntry, ApiAnswer Info)
{
    public int AttendeeCount => Info.Xml?.Select("attendees/attendee").Count() ?? 0;
}

/// <summary>The meetings a case can observe: the run's shared meeting (lifecycle tier) and, read-only, the
/// meetings the target already lists in getMeetings (busiest first), and an empty meeting of the run's own that
/// nobody joins (so that what both calls say of a meeting nobody is in is observed on a quiet server too; not with
/// the tightest <c>--max-live-meetings</c>). The run's
/// other meetings are left out: other cases change them while they run.</summary>
internal static class ObservedMeetings
{
    public const int MaxMeetings = 8;

    public const string NoAttendeesReason =
        "no meeting with connected attendees on the target (a real server lists an attendee only once a client connects; " +
        "the suite found none in its own meeting nor in the meetings getMeetings lists): a driver's 'connect JOIN_URL USER_ID MEETING_ID' " +
        "action (--presence-driver COMMAND) connects the suite's users";

    /// <summary>Why no observed meeting has attendees, for this run: what the shared meeting's connect gave, or
    /// which driver action would have connected its users.</summary>
    public static async Task<string> NoAttendeesAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        const string What = "no meeting with connected attendees on the target: the suite found none in its own meeting nor in the meetings getMeetings lists";
        if (!ctx.CanCreate)
        {
            return NoAttendeesReason;
        }

        var shared = await ctx.Session.Shared.MeetingAsync(ctx).ConfigureAwait(false);
        return shared.Missing is { } missing && ctx.Session.Connector.Available ? $"{What}; {missing}" : ctx.Session.Connector.Unconnected(What);
    }

    public static async Task<(ApiAnswer List, IReadOnlyList<MeetingView> Views)> ObserveAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var shared = ctx.CanCreate ? await ctx.Session.Shared.MeetingAsync(ctx).ConfigureAwait(false) : null;
        // It holds a meeting slot for the whole run: not at the tightest bound, whose slots the cases need.
        var empty = ctx.CanCreate && ctx.Session.Options.MaxLiveMeetings > RunOptions.MinLiveMeetings
            ? await ctx.Session.Shared.EmptyMeetingAsync(ctx).ConfigureAwait(false) : null;
        var list = await ctx.CallAsync("getMeetings").ConfigureAwait(false);
        var xml = Expect.Success(list);
        var entries = xml.Select("meetings/meeting")
            .Select(m => (Entry: m, Id: BbbResponse.Value(m, "meetingID")))
            .Where(m => SafeIds.IsSafe(m.Id) && (!ctx.Ledger.IsOurs(m.Id) || m.Id == shared?.Meeting.Id || m.Id == empty?.Id))
            .OrderByDescending(m => m.Id == shared?.Meeting.Id)
            .ThenByDescending(m => m.Id == empty?.Id)
            .ThenByDescending(m => Count(m.Entry, "participantCount"))
            .ThenByDescending(m => BbbResponse.Value(m.Entry, "running") == "true")
            .Take(MaxMeetings)
            .ToList();
        var views = new List<MeetingView>();
        foreach (var (entry, id) in entries)
        {
            // getMeetingInfo ignores the password on 0.9; only the run's own meeting gets one, so reports carry no
            // password of anyone else's meeting in a request line.
            var password = shared is not null && id == shared.Meeting.Id ? shared.Meeting.ModeratorPW : empty is not null && id == empty.Id ? empty.ModeratorPW : null;
            var info = await OwnMeetings.InfoAsync(ctx, id!, password).ConfigureAwait(false);
            if (info.IsSuccess)
            {
                views.Add(new MeetingView(id!, entry, info));
            }
        }

        if (shared is not null && views.All(v => v.MeetingId != shared.Meeting.Id))
        {
            var info = await OwnMeetings.InfoAsync(ctx, shared.Meeting.Id, shared.Meeting.ModeratorPW).ConfigureAwait(false);
            if (info.IsSuccess)
            {
                views.Insert(0, new MeetingView(shared.Meeting.Id, null, info));
            }
        }

        return (list, views);
    }

    /// <summary>The observed meetings with at least one attendee; inconclusive when there are none.</summary>
    public static async Task<IReadOnlyList<MeetingView>> WithAttendeesAsync(CaseContext ctx)
    {
        var (_, views) = await ObserveAsync(ctx).ConfigureAwait(false);
        var attended = views.Where(v => v.AttendeeCount > 0).ToList();
        return attended.Count > 0 ? attended : throw new CaseInconclusive(await NoAttendeesAsync(ctx).ConfigureAwait(false));
    }

    /// <summary>getMeetings and the meetings it lists that have attendees (for cases comparing the two calls);
    /// inconclusive when none has.</summary>
    public static async Task<(ApiAnswer List, IReadOnlyList<MeetingView> Attended)> ListedWithAttendeesAsync(CaseContext ctx)
    {
        var (list, listed) = await ListedAsync(ctx).ConfigureAwait(false);
        return (list, [.. listed.Where(v => v.AttendeeCount > 0)]);
    }

    /// <summary>Every observed meeting getMeetings listed, empty ones included, provided one of them has attendees.</summary>
    public static async Task<(ApiAnswer List, IReadOnlyList<MeetingView> Listed)> ListedAsync(CaseContext ctx)
    {
        var (list, views) = await ObserveAsync(ctx).ConfigureAwait(false);
        var listed = views.Where(v => v.ListEntry is not null).ToList();
        return listed.Any(v => v.AttendeeCount > 0) ? (list, listed) : throw new CaseInconclusive(await NoAttendeesAsync(ctx).ConfigureAwait(false));
    }

    private static long Count(System.Xml.Linq.XElement entry, string name) =>
        long.TryParse(BbbResponse.Value(entry, name), out var n) ? n : -1;
}
