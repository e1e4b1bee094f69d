using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Scenarios;

/// <summary>The answers an element case inspects, and, when none of them is a success answer, why.</summary>
internal sealed record ElementObservation(IReadOnlyList<ApiAnswer> Answers, string? NoSuccessReason = null);

/// <summary>Per call, how the suite obtains answers whose elements it can check. Read-only calls observe what the
/// target has (plus the run's shared meeting in the lifecycle tier; getRecordings and getStats also an empty
/// selection); create, join and end need the lifecycle tier.</summary>
internal static class ElementScenarios
{
    public static async Task<ElementObservation> ObserveAsync(CaseContext ctx, string call)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var shared = ctx.Session.Shared;
        switch (call)
        {
            case "index":
                return new ElementObservation([await ctx.GetRawAsync("", "").ConfigureAwait(false)]);
            case "create":
                ctx.RequireLifecycle("a create answer can only be observed by creating a meeting");
                return new ElementObservation([(await shared.MeetingAsync(ctx).ConfigureAwait(false)).Meeting.Create]);
            case "join":
                ctx.RequireLifecycle("a join answer can only be observed by joining a meeting of the run");
                return new ElementObservation([(await shared.MeetingAsync(ctx).ConfigureAwait(false)).ModeratorJoin]);
            case "end":
                ctx.RequireLifecycle("an end answer can only be observed by ending a meeting of the run");
                return new ElementObservation([await shared.EndAnswerAsync(ctx).ConfigureAwait(false)]);
            case "getMeetings":
                return new ElementObservation([(await shared.MeetingAnswersAsync(ctx).ConfigureAwait(false))[0]]);
            case "getMeetingInfo":
                var infos = (await shared.MeetingAnswersAsync(ctx).ConfigureAwait(false)).Skip(1).ToList();
                return infos.Count > 0
                    ? new ElementObservation(infos)
                    : throw new CaseInconclusive("no meeting on the target to ask getMeetingInfo about (getMeetings lists none)");
            case "isMeetingRunning":
                var meetingId = ctx.CanCreate
                    ? (await shared.MeetingAsync(ctx).ConfigureAwait(false)).Meeting.Id
                    : ctx.Ledger.UnknownId("meeting");
                return new ElementObservation([await ctx.CallAsync("isMeetingRunning", ("meetingID", meetingId)).ConfigureAwait(false)]);
            // The unfiltered list shows the records; a selection of a meeting that cannot exist shows the empty
            // answer, whose envelope (noRecordings / noStats) has elements of its own (specs/reference.md §3.13).
            case "getRecordings":
                return new ElementObservation([await shared.RecordingsAsync(ctx).ConfigureAwait(false),
                    await ctx.CallAsync("getRecordings", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false)]);
            case "getStats":
                return new ElementObservation([await shared.StatsAsync(ctx).ConfigureAwait(false),
                    await ctx.CallAsync("getStats", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false)]);
            case "deleteRecordings":
                // 0.9 answers deleted=true even for an unknown ID; the ID carries the run prefix, so nothing can be deleted.
                return new ElementObservation([await ctx.CallAsync("deleteRecordings", ("recordID", ctx.Ledger.UnknownId("record"))).ConfigureAwait(false)]);
            case "publishRecordings":
                var publish = await ctx.CallAsync("publishRecordings", ("recordID", ctx.Ledger.UnknownId("record")), ("publish", "true")).ConfigureAwait(false);
                return new ElementObservation([publish],
                    "the suite publishes only recordings it made and the API gives it no way to make one, so a publishRecordings success answer cannot be observed");
            default:
                throw new CaseInconclusive($"the suite has no way to obtain a {call} answer to inspect");
        }
    }
}
