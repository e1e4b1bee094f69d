using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>guest-join</c>: a join with <c>guest=value</c> (no guest parameter when value is empty) is
/// accepted like a normal join (SUCCESS, successfullyJoined); where the user shows up among the attendees, its guest
/// flags say <c>guest</c>: a guest is marked <c>guest</c> true and waits for acceptance where the server asks the
/// moderator; a server that accepts guests at once shows waitingForAcceptance false with guest true (reported as an
/// observation). A guest listed as an ordinary attendee (no such flags) fails. A real server lists attendees only once
/// a client connects: a user not listed is connected through the run's driver (its <c>connect</c> action), and
/// without one the case is inconclusive, naming that action. Modes: <c>redirect</c> (the guest
/// join answers like a normal join: the same 302 without redirect=false, the same XML elements with it) and
/// <c>moderator</c> (a guest joining with the moderator password is listed with role MODERATOR).</summary>
internal sealed class GuestJoinCheck : ICheck
{
    public const string AcceptsAtOnce = "guests are accepted at once (guest true, waitingForAcceptance false: a guest policy that does not ask the moderator)";

    public string Kind => "guest-join";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var value = c.Arg("value");
        var expected = c.Arg("guest").Trim().ToLowerInvariant();
        var meeting = await OwnMeetings.CreateAsync(ctx, "guest").ConfigureAwait(false);
        var guestParam = ("guest", value.Length == 0 ? null : value);
        switch (c.OptionalArg("mode"))
        {
            case "redirect":
                await LikeAnyJoinAsync(ctx, meeting, guestParam).ConfigureAwait(false);
                return;
            case "moderator":
                await KeepsModeratorAsync(ctx, meeting, guestParam).ConfigureAwait(false);
                return;
        }

        var userId = ctx.Ledger.Prefix + "guest-" + ctx.Ledger.Random();
        var join = await OwnMeetings.JoinAsync(ctx, meeting, userId, moderator: false, guestParam).ConfigureAwait(false);
        Expect.Error(join, "successfullyJoined", success: true);

        var (attendee, info, missing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, userId, moderator: false,
            "the join was accepted, but the user never appeared among the attendees", guestParam).ConfigureAwait(false);
        if (attendee is null)
        {
            throw new CaseInconclusive(missing!);
        }

        var waiting = BbbResponse.Value(attendee, "waitingForAcceptance");
        var guest = BbbResponse.Value(attendee, "guest");
        var described = value.Length == 0 ? "without guest" : $"with guest={value}";
        ctx.Witness(info!, $"attendee {userId} (joined {described})", $"guest {guest ?? "absent"}, waitingForAcceptance {waiting ?? "absent"}");
        if (waiting is null && guest is null)
        {
            // Listed like anyone else: right for a non-guest; a guest must be marked as one where observable.
            if (expected == "true")
            {
                throw new CaseFailure(
                    $"the user who joined {described} listed as a guest (Mconf-Live: <guest>true</guest>, and <waitingForAcceptance>true</waitingForAcceptance> where the moderator is asked)",
                    "an ordinary attendee with no guest or waitingForAcceptance field",
                    info);
            }

            return;
        }

        if (guest is not null)
        {
            Expect.Equal(expected, guest, $"guest of the user who joined {described}", info);
        }

        if (waiting is null)
        {
            return;
        }

        if (expected == "true" && waiting == "false" && guest == "true")
        {
            // The guest flag is right; the server let the guest in without asking (a legitimate guest policy).
            ctx.Observe(AcceptsAtOnce);
            return;
        }

        Expect.Equal(expected, waiting, $"waitingForAcceptance of the user who joined {described}" +
            (expected == "true" && guest is null ? " (with no guest element, only the waiting flag shows a guest)" : ""), info);
    }

    /// <summary>The same 302 (with a Location) as a normal join without redirect=false, and the same XML elements
    /// with it.</summary>
    private static async Task LikeAnyJoinAsync(CaseContext ctx, OwnMeeting meeting, (string, string?) guestParam)
    {
        var plain = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "plain-" + ctx.Ledger.Random(), moderator: false, redirect: true).ConfigureAwait(false);
        var guest = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "guest-" + ctx.Ledger.Random(), moderator: false, redirect: true, guestParam).ConfigureAwait(false);
        Expect.Equal(plain.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), guest.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"the HTTP status of a guest join without redirect=false (a normal join answered {plain.Status})", guest);
        Expect.True(guest.Exchange.Location is not null || plain.Exchange.Location is null,
            "a Location (the client URL) in the guest join's redirect, as in a normal join's", "no Location header", guest);

        var plainXml = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "plain-" + ctx.Ledger.Random(), moderator: false).ConfigureAwait(false);
        var guestXml = await OwnMeetings.JoinAsync(ctx, meeting, ctx.Ledger.Prefix + "guest-" + ctx.Ledger.Random(), moderator: false, guestParam).ConfigureAwait(false);
        Expect.Error(plainXml, "successfullyJoined", success: true);
        Expect.Error(guestXml, "successfullyJoined", success: true);
        var expectedNames = Names(plainXml);
        var gotNames = Names(guestXml);
        Expect.Equal(string.Join(",", expectedNames), string.Join(",", gotNames),
            "the elements of a guest join's redirect=false answer (those of a normal join's)", guestXml);
        ctx.Witness(guest, "the guest join without redirect=false", $"HTTP {guest.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)} (a normal join: {plain.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        ctx.Witness(guestXml, "the guest join with redirect=false", $"elements {string.Join(",", gotNames)}");
    }

    private static List<string> Names(ApiAnswer answer) =>
        [.. answer.Xml!.Root.Elements().Select(e => e.Name.LocalName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>"The roles defined by password are not affected": a guest with the moderator password moderates.</summary>
    private static async Task KeepsModeratorAsync(CaseContext ctx, OwnMeeting meeting, (string, string?) guestParam)
    {
        var userId = ctx.Ledger.Prefix + "guest-mod-" + ctx.Ledger.Random();
        var join = await OwnMeetings.JoinAsync(ctx, meeting, userId, moderator: true, guestParam).ConfigureAwait(false);
        Expect.Error(join, "successfullyJoined", success: true);
        var (attendee, info, missing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, userId, moderator: true,
            "the guest join with the moderator password was accepted, but the user never appeared among the attendees", guestParam).ConfigureAwait(false);
        if (attendee is null)
        {
            throw new CaseInconclusive(missing!);
        }

        var role = BbbResponse.Value(attendee, "role");
        ctx.Witness(info!, $"attendee {userId} (guest with the moderator password)", $"role {role ?? "absent"}");
        Expect.Equal("MODERATOR", role, "the role of a guest who joined with the moderator password", info);
    }
}
