using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>count-attendees</c>: getMeetingInfo's count (participantCount, or moderatorCount counting
/// MODERATOR attendees) equals the attendee elements listed.</summary>
public sealed class CountAttendeesCase : ICaseKind
{
    public string Kind => "count-attendees";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var countElement = c.SpecId[(c.SpecId.LastIndexOf('/') + 1)..];
        var moderatorsOnly = countElement == "moderatorCount";
        await Retry.OnceAsync(async () =>
        {
            foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
            {
                var info = view.Info;
                var count = Expect.Element(info, countElement, SpecType.Number);
                var listed = info.Xml!.Select("attendees/attendee")
                    .Count(a => !moderatorsOnly || Mconf.Spec.Xml.BbbResponse.Value(a, "role") == "MODERATOR");
                Expect.Equal(listed.ToString(System.Globalization.CultureInfo.InvariantCulture), count,
                    $"{countElement} of '{view.MeetingId}' (the {(moderatorsOnly ? "moderator " : "")}attendees listed)", info);
            }
        }).ConfigureAwait(false);
    }
}
