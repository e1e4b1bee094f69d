using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Scenarios;

/// <summary>A meeting the run created (its ID carries the run prefix; the ledger ends it at the end).</summary>
internal sealed record OwnMeeting(string Id, string AttendeePW, string ModeratorPW, string VoiceBridge, string DialNumber, ApiAnswer Create);

/// <summary>Creating, joining and watching the run's own meetings (lifecycle tier only).</summary>
internal static class OwnMeetings
{
    /// <summary>How often and how long to look for a joined user among the attendees. A real server lists a user
    /// only once a client connects, so a user that never shows up makes the case inconclusive, not failed.</summary>
    public const int AttendeePolls = 6;

    public static readonly TimeSpan AttendeePollDelay = TimeSpan.FromMilliseconds(150);

    /// <summary>Creates a meeting with fresh ID, passwords, voiceBridge and dialNumber (overridable through
    /// <paramref name="extra"/>; a null value there leaves the parameter out, so the server picks its default) and
    /// expects SUCCESS.</summary>
    public static async Task<OwnMeeting> CreateAsync(CaseContext ctx, string purpose, string? attendeePW = null, string? moderatorPW = null,
        params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.RequireLifecycle("this case needs a meeting of its own");
        var id = ctx.Ledger.NewId(purpose);
        var ap = attendeePW ?? "ap-" + ctx.Ledger.Random();
        var mp = moderatorPW ?? "mp-" + ctx.Ledger.Random();
        var voiceBridge = extra.Any(e => e.Name == "voiceBridge") ? extra.First(e => e.Name == "voiceBridge").Value : ctx.Ledger.RandomNumber(70000, 80000);
        var dialNumber = extra.Any(e => e.Name == "dialNumber") ? extra.First(e => e.Name == "dialNumber").Value : "613-555-0100";
        var parameters = new List<(string, string?)>
        {
            ("meetingID", id), ("name", "Mconf conformance " + purpose), ("attendeePW", ap), ("moderatorPW", mp),
            ("voiceBridge", voiceBridge), ("dialNumber", dialNumber),
        };
        // An extra name, attendeePW or moderatorPW replaces the default one (null: left out, the server's default).
        string[] replaceable = ["name", "attendeePW", "moderatorPW"];
        var replaced = extra.Where(e => replaceable.Contains(e.Name)).ToList();
        parameters = [.. parameters.Select(p => replaced.Any(r => r.Name == p.Item1) ? replaced.First(r => r.Name == p.Item1) : p)];
        parameters.AddRange(extra.Where(e => e.Name is not ("voiceBridge" or "dialNumber") && !replaceable.Contains(e.Name)));
        var answer = await ctx.CallAsync("create", [.. parameters]).ConfigureAwait(false);
        var xml = Expect.Xml(answer);
        if (!xml.IsSuccess)
        {
            throw new CaseFailure("create of a fresh meeting to answer SUCCESS", answer.Summary(), answer);
        }

        // Passwords left out are the server's (§3.1): the ledger ends the meeting with the one create reported.
        ap = Sent(parameters, "attendeePW") ?? xml.Value("attendeePW") ?? xml.Value("meeting/attendeePW") ?? "";
        mp = Sent(parameters, "moderatorPW") ?? xml.Value("moderatorPW") ?? xml.Value("meeting/moderatorPW") ?? "";
        if (Sent(parameters, "moderatorPW") is null && mp.Length > 0)
        {
            ctx.Ledger.Register(id, mp);
        }

        return new OwnMeeting(id, ap, mp, voiceBridge ?? "", dialNumber ?? "", answer);
    }

    private static string? Sent(List<(string Name, string? Value)> parameters, string name) =>
        parameters.FirstOrDefault(p => p.Name == name).Value;

    /// <summary>Joins with redirect=false (so the answer is XML), a unique userID, and optional extra parameters.</summary>
    public static Task<ApiAnswer> JoinAsync(CaseContext ctx, OwnMeeting meeting, string userId, bool moderator, params (string Name, string? Value)[] extra) =>
        JoinAsync(ctx, meeting, userId, moderator, redirect: false, extra);

    /// <summary>Joins with a unique userID; <paramref name="redirect"/> true sends no redirect parameter (the answer
    /// is the 302 to the client).</summary>
    public static Task<ApiAnswer> JoinAsync(CaseContext ctx, OwnMeeting meeting, string userId, bool moderator, bool redirect, params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(meeting);
        return ctx.CallAsync("join", [.. JoinParameters(meeting, userId, moderator, redirect, extra)]);
    }

    private static string FullName(bool moderator) => "Conformance " + (moderator ? "Moderator" : "Viewer");

    /// <summary>A join's parameters, then <paramref name="extra"/>: an extra parameter the join already has (a
    /// fullName under test) replaces it, since sent twice a server would see a list, not the value.</summary>
    private static List<(string Name, string? Value)> JoinParameters(OwnMeeting meeting, string userId, bool moderator, bool redirect, (string Name, string? Value)[] extra) =>
    [
        .. new (string Name, string? Value)[]
        {
            ("fullName", FullName(moderator)), ("meetingID", meeting.Id),
            ("password", moderator ? meeting.ModeratorPW : meeting.AttendeePW), ("userID", userId), ("redirect", redirect ? null : "false"),
        }.Where(p => extra.All(e => e.Name != p.Name)),
        .. extra,
    ];

    public static Task<ApiAnswer> InfoAsync(CaseContext ctx, string meetingId, string? password) =>
        ctx.CallAsync("getMeetingInfo", ("meetingID", meetingId), ("password", password));

    /// <summary>Polls getMeetingInfo until an attendee with <paramref name="userId"/> is listed; null if it never is.</summary>
    public static Task<(XElement? Attendee, ApiAnswer? Info)> WaitForAttendeeAsync(CaseContext ctx, OwnMeeting meeting, string userId) =>
        WaitForAttendeeAsync(ctx, meeting, a => BbbResponse.Value(a, "userID") == userId, AttendeePolls, AttendeePollDelay);

    /// <summary>The attendee of a user the case joined (<see cref="JoinAsync(CaseContext, OwnMeeting, string, bool, ValueTuple{string, string}[])"/>
    /// with the same <paramref name="extra"/> parameters). A user not listed at once is connected through the run's
    /// driver (the generic <c>connect</c> action, with a join link carrying the same parameters and redirecting
    /// into the client), then awaited up to the presence step timeout. Without a driver the attendee is null and
    /// <c>Missing</c> says what would verify the case.</summary>
    public static Task<(XElement? Attendee, ApiAnswer? Info, string? Missing)> ConnectedAttendeeAsync(CaseContext ctx, OwnMeeting meeting, string userId, bool moderator, string what,
        params (string Name, string? Value)[] extra) =>
        ConnectedAttendeeAsync(ctx, meeting, userId, moderator, what, a => BbbResponse.Value(a, "userID") == userId, extra);

    /// <summary>As above, with the attendee found by <paramref name="match"/> instead of its userID (for a case that
    /// judges the userID itself: the only attendee of a meeting only the case joined).</summary>
    public static async Task<(XElement? Attendee, ApiAnswer? Info, string? Missing)> ConnectedAttendeeAsync(CaseContext ctx, OwnMeeting meeting, string userId, bool moderator, string what,
        Func<XElement, bool> match, params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(meeting);
        var connector = ctx.Session.Connector;
        var (attendee, info) = await WaitForAttendeeAsync(ctx, meeting, match, connector.Available ? 1 : AttendeePolls, AttendeePollDelay).ConfigureAwait(false);
        if (attendee is not null)
        {
            return (attendee, info, null);
        }

        if (!connector.Available)
        {
            return (null, info, connector.Unconnected(what));
        }

        var parameters = JoinParameters(meeting, userId, moderator, redirect: true, extra).Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)).ToList();
        ctx.Session.Guard.Check("join", [.. parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))]);
        var joinUrl = ctx.Session.Client.Endpoint.CallUrl("join", ctx.Session.Client.Signer.SignedQuery("join", parameters)).AbsoluteUri;
        var failed = await connector.ConnectAsync(joinUrl, userId, FullName(moderator), meeting.Id, ctx.Token).ConfigureAwait(false);
        if (failed is not null)
        {
            return (null, info, $"{what}; the driver's '{Presence.ClientConnector.Action}' action did not connect the user: {ctx.Session.Client.Redact(failed)}");
        }

        var polls = (int)Math.Max(1, Math.Ceiling(connector.StepTimeout / connector.PollInterval)) + 1;
        (attendee, info) = await WaitForAttendeeAsync(ctx, meeting, match, polls, connector.PollInterval).ConfigureAwait(false);
        return attendee is not null ? (attendee, info, null)
            : (null, info, $"{what}: the driver connected the user, but it was not listed among the attendees within {connector.StepTimeout.TotalSeconds:0.#} s");
    }

    private static async Task<(XElement? Attendee, ApiAnswer? Info)> WaitForAttendeeAsync(CaseContext ctx, OwnMeeting meeting, Func<XElement, bool> match, int polls, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        XElement? Attendee(ApiAnswer answer) => answer.Xml?.Select("attendees/attendee").FirstOrDefault(match);
        var polled = await Poll.UntilAsync(_ => InfoAsync(ctx, meeting.Id, meeting.ModeratorPW), a => Attendee(a) is not null,
            PollLimits.Times(polls, delay), ctx.Options.Time, ctx.Token).ConfigureAwait(false);
        return (Attendee(polled.Last), polled.Last);
    }
}
