using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>guest-join</c>: a join with <c>guest=value</c> (no guest parameter when value is empty) is
/// accepted like a normal join (SUCCESS, successfullyJoined); where the user shows up among the attendees, its
/// waitingForAcceptance (and guest) flags say <c>guest</c>. A guest listed as an ordinary attendee (no such flags)
/// fails; a non-guest listed so passes. A user that never shows up leaves the case inconclusive: a real server lists
/// attendees only once a client connects, and may hold a waiting guest outside the list.</summary>
public sealed class GuestJoinCase : ICaseKind
{
    public string Kind => "guest-join";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var value = c.Arg("value");
        var expected = c.Arg("guest").Trim().ToLowerInvariant();
        var meeting = await OwnMeetings.CreateAsync(ctx, "guest").ConfigureAwait(false);
        var userId = ctx.Ledger.Prefix + "guest-" + ctx.Ledger.Random();
        var join = await OwnMeetings.JoinAsync(ctx, meeting, userId, moderator: false, ("guest", value.Length == 0 ? null : value)).ConfigureAwait(false);
        Expect.Error(join, "successfullyJoined", success: true);

        var (attendee, info) = await OwnMeetings.WaitForAttendeeAsync(ctx, meeting, userId).ConfigureAwait(false);
        if (attendee is null)
        {
            throw new CaseInconclusive(
                "the join was accepted, but the user never appeared among the attendees (a real server lists an attendee only once a client connects, and may keep a waiting guest out of the list)");
        }

        var waiting = BbbResponse.Value(attendee, "waitingForAcceptance");
        var guest = BbbResponse.Value(attendee, "guest");
        var described = value.Length == 0 ? "without guest" : $"with guest={value}";
        if (waiting is null && guest is null)
        {
            // Listed like anyone else: right for a non-guest; a guest must be shown waiting (the rule:
            // "where attendees are observable, the guest is marked as waiting").
            if (expected == "true")
            {
                throw new CaseFailure(
                    $"the user who joined {described} listed as waiting for acceptance (Mconf-Live: <guest>true</guest><waitingForAcceptance>true</waitingForAcceptance>)",
                    "an ordinary attendee with no guest or waitingForAcceptance field",
                    info);
            }

            return;
        }

        if (waiting is not null)
        {
            Expect.Equal(expected, waiting, $"waitingForAcceptance of the user who joined {described}", info);
        }

        if (guest is not null)
        {
            Expect.Equal(expected, guest, $"guest of the user who joined {described}", info);
        }
    }
}
