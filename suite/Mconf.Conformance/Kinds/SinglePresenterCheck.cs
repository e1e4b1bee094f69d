using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>single-presenter</c>: in each observed meeting, at most one attendee has isPresenter true (and every
/// attendee says whether it is presenter).</summary>
internal sealed class SinglePresenterCheck : ICheck
{
    public string Kind => "single-presenter";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
        {
            var presenters = view.Info.Xml!.Select("attendees/attendee")
                .Count(a => Expect.Element(view.Info, a, "isPresenter", SpecType.Boolean) == "true");
            ctx.Witness(view.Info, $"meeting {view.MeetingId}", $"{presenters} of {view.AttendeeCount.ToString(System.Globalization.CultureInfo.InvariantCulture)} attendee(s) with isPresenter=true");
            Expect.AtMost(1, presenters, $"attendee(s) with isPresenter=true in '{view.MeetingId}'", view.Info);
        }
    }
}
