using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>count-matching</c>: a getMeetingInfo count (<c>count</c>, e.g. moderatorCount) equals the
/// number of <c>items</c> (attendees) whose <c>field</c> is <c>value</c> (role MODERATOR; specs/reference.md §5).
/// Judged on fresh reads (<see cref="Stable"/>): a live server's users come and go while the suite reads.
/// Inconclusive without a meeting with attendees.</summary>
internal sealed class CountMatchingCheck : ICheck
{
    public string Kind => "count-matching";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var countElement = c.Arg("count");
        var items = c.Arg("items");
        var field = c.Arg("field");
        var value = c.Arg("value");
        await Stable.JudgeAsync(ctx, $"{countElement} against the {items} with {field}={value}", async () =>
        {
            var found = new List<Disagreement>();
            foreach (var view in await ObservedMeetings.WithAttendeesAsync(ctx).ConfigureAwait(false))
            {
                var info = view.Info;
                var count = Expect.Element(info, countElement, SpecType.Number);
                var matching = info.Xml!.Select(items).Count(i => BbbResponse.Value(i, field) == value).ToString(CultureInfo.InvariantCulture);
                if (matching != count)
                {
                    found.Add(new(view.MeetingId, $"{countElement} of '{view.MeetingId}' to be {matching} (its {items} with {field}={value})", $"'{count}'", info));
                }
                else
                {
                    ctx.Witness(info, "meeting " + view.MeetingId, $"{countElement}={count} = {matching} with {field}={value}");
                }
            }

            return found;
        }).ConfigureAwait(false);
    }
}
