using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>same-across-calls</c>: for each observed meeting with attendees, <c>path</c> in its getMeetings
/// entry equals <c>otherPath</c> in its getMeetingInfo. Answers a moment apart may legitimately differ on a live
/// server, so a mismatch is re-observed once before it fails.</summary>
public sealed class SameAcrossCallsCase : ICaseKind
{
    public string Kind => "same-across-calls";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var path = c.Arg("path");
        var relative = path.StartsWith("meetings/meeting/", StringComparison.Ordinal) ? path["meetings/meeting/".Length..] : path;
        var otherPath = c.Arg("otherPath");
        await Retry.OnceAsync(async () =>
        {
            var (list, attended) = await ObservedMeetings.ListedWithAttendeesAsync(ctx).ConfigureAwait(false);

            foreach (var view in attended)
            {
                var listed = Expect.Element(list, view.ListEntry!, relative, Spec.Model.SpecType.Number);
                var info = Expect.Element(view.Info, otherPath, Spec.Model.SpecType.Number);
                Expect.Equal(info, listed, $"{relative} of '{view.MeetingId}' in getMeetings (its getMeetingInfo {otherPath})", list);
            }
        }).ConfigureAwait(false);
    }
}
