using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>same-across-calls</c>: for each observed meeting listed by getMeetings, <c>path</c> in its
/// getMeetings entry equals <c>otherPath</c> in its getMeetingInfo. Empty meetings are judged too (both calls describe
/// every meeting in memory), but the case needs at least one meeting with attendees, where counts and flags show. Answers a moment apart may legitimately differ on a live
/// server, so only a disagreement seen the same on two fresh reads fails (<see cref="Stable"/>). <c>type</c> (default
/// number; string, boolean or timestamp) is the type both values must have: a stale or another meeting's value in
/// either answer shows as a disagreement.</summary>
internal sealed class SameAcrossCallsCheck : ICheck
{
    public string Kind => "same-across-calls";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var path = c.Arg("path");
        var relative = path.StartsWith("meetings/meeting/", StringComparison.Ordinal) ? path["meetings/meeting/".Length..] : path;
        var otherPath = c.Arg("otherPath");
        var type = c.OptionalArg("type") switch
        {
            null or "number" => Spec.Model.SpecType.Number,
            "string" => Spec.Model.SpecType.String,
            "boolean" => Spec.Model.SpecType.Boolean,
            "timestamp" => Spec.Model.SpecType.Timestamp,
            var other => throw new CaseFailure("a type number|string|boolean|timestamp", $"type '{other}' in the case fixture"),
        };
        // Each getMeetings value is judged against another call (getMeetingInfo about the same meeting); the witnesses
        // are the agreements of the last read, the one the verdict rests on.
        var agreed = new List<(Target.ApiAnswer List, string MeetingId, string Value)>();
        await Stable.JudgeAsync(ctx, $"{relative} in getMeetings against getMeetingInfo", async () =>
        {
            var (list, meetings) = await ObservedMeetings.ListedAsync(ctx).ConfigureAwait(false);
            var found = new List<Disagreement>();
            agreed.Clear();
            foreach (var view in meetings)
            {
                var listed = Expect.Element(list, view.ListEntry!, relative, type);
                var info = Expect.Element(view.Info, otherPath, type);
                if (listed != info)
                {
                    found.Add(new(view.MeetingId, $"{relative} of '{view.MeetingId}' in getMeetings to be '{info}' (its getMeetingInfo {otherPath})", $"'{listed}'", list));
                }
                else
                {
                    agreed.Add((list, view.MeetingId, listed));
                }
            }

            return found;
        }).ConfigureAwait(false);
        if (agreed.Count == 0)
        {
            throw new CaseInconclusive($"{relative}: no meeting showed the same value in getMeetings and getMeetingInfo on the last read (the meetings changed between reads), so nothing was judged");
        }

        foreach (var (list, meetingId, value) in agreed)
        {
            ctx.Witness(list, $"meeting {meetingId}", $"{relative} {value} (getMeetingInfo {otherPath} {value})");
        }
    }
}
