using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>count-flagged</c>: a getMeetingInfo count (the element the case's spec ID names, e.g.
/// listenerCount) equals the number of attendees whose <c>flag</c> (e.g. attendees/attendee/isListeningOnly) is true.
/// Judged on fresh reads (<see cref="Stable"/>): a live server's users switch audio while the suite reads.</summary>
internal sealed class CountFlaggedCheck : ICheck
{
    public string Kind => "count-flagged";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var flagPath = c.Arg("flag");
        var flag = flagPath[(flagPath.LastIndexOf('/') + 1)..];
        var countElement = c.OptionalArg("count") ?? c.SpecId[(c.SpecId.LastIndexOf('/') + 1)..];
        await Stable.JudgeAsync(ctx, $"{countElement} against the attendees with {flag}=true", async () =>
        {
            var found = new List<Disagreement>();
            foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
            {
                var info = view.Info;
                var count = Expect.Element(info, countElement, SpecType.Number);
                var flagged = 0;
                foreach (var attendee in info.Xml!.Select("attendees/attendee"))
                {
                    flagged += Expect.Element(info, attendee, flag, SpecType.Boolean) == "true" ? 1 : 0;
                }

                var expected = flagged.ToString(CultureInfo.InvariantCulture);
                ctx.Witness(info, $"meeting {view.MeetingId}", $"{countElement} {count}, {expected} attendee(s) with {flag}=true");
                if (expected != count)
                {
                    found.Add(new(view.MeetingId, $"{countElement} of '{view.MeetingId}' to be {expected} (its attendees with {flag}=true)", $"'{count}'", info));
                }
            }

            return found;
        }).ConfigureAwait(false);
    }
}
