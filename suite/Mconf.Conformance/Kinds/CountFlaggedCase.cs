using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>count-flagged</c>: a getMeetingInfo count (the element the case's spec ID names, e.g.
/// listenerCount) equals the number of attendees whose <c>flag</c> (e.g. attendees/attendee/isListeningOnly) is true.</summary>
public sealed class CountFlaggedCase : ICaseKind
{
    public string Kind => "count-flagged";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var flagPath = c.Arg("flag");
        var flag = flagPath[(flagPath.LastIndexOf('/') + 1)..];
        var countElement = c.OptionalArg("count") ?? c.SpecId[(c.SpecId.LastIndexOf('/') + 1)..];
        await Retry.OnceAsync(async () =>
        {
            foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
            {
                var info = view.Info;
                var count = Expect.Element(info, countElement, SpecType.Number);
                var flagged = 0;
                foreach (var attendee in info.Xml!.Select("attendees/attendee"))
                {
                    var value = Expect.Element(info, attendee, flag, SpecType.Boolean);
                    flagged += value == "true" ? 1 : 0;
                }

                Expect.Equal(flagged.ToString(System.Globalization.CultureInfo.InvariantCulture), count,
                    $"{countElement} of '{view.MeetingId}' (its attendees with {flag}=true)", info);
            }
        }).ConfigureAwait(false);
    }
}
