using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>stats-selection</c>: getStats' meetingID selection, compared with the unfiltered answer. Modes:
/// absent (all stats; every single-ID answer is part of it), one (only that meeting's entries, all of them), list
/// (exactly the listed meetings that have stats; an unknown ID in the list adds nothing), unknown (an empty answer).</summary>
public sealed class StatsSelectionCase : ICaseKind
{
    public const int Probes = 3;

    public string Kind => "stats-selection";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var mode = ctx.RequireCase().Arg("mode");
        var allAnswer = await ctx.CallAsync("getStats").ConfigureAwait(false);
        var all = StatsAnswers.MeetingIds(StatsAnswers.Expect(allAnswer));
        if (mode is "unknown" or "empty-key")
        {
            var unknown = await ctx.CallAsync("getStats", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false);
            var answer = StatsAnswers.Expect(unknown);
            Expect.Count(0, StatsAnswers.MeetingIds(answer).Count, "stats/meeting entries for an unknown meetingID", unknown);
            if (mode == "empty-key" && !string.IsNullOrEmpty(answer.MessageKey))
            {
                // specs/reference.md §6.4 knows only noStats for an empty answer; the wiki says nothing, so none is fine too.
                Expect.Equal("noStats", answer.MessageKey, "messageKey of getStats' empty answer", unknown);
            }

            return;
        }

        var ids = all.Where(id => id.Length > 0 && !id.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new CaseInconclusive("the target has no stats to select from (stats come from past meetings)");
        }

        // Prefer IDs with few entries, so that a server ignoring the selection is caught.
        var picks = ids.OrderBy(id => all.Count(a => a == id)).ThenBy(id => id, StringComparer.Ordinal).Take(Probes).ToList();
        switch (mode)
        {
            case "absent":
                foreach (var id in picks)
                {
                    var one = await ctx.CallAsync("getStats", ("meetingID", id)).ConfigureAwait(false);
                    var got = StatsAnswers.MeetingIds(StatsAnswers.Expect(one));
                    Expect.True(got.Count(g => g == id) <= all.Count(a => a == id),
                        $"getStats without meetingID to list every entry of '{id}' ({got.Count(g => g == id)} when asked alone)",
                        $"{all.Count(a => a == id)} entries of it", allAnswer);
                }

                break;
            case "one":
                var single = picks[0];
                var answer = await ctx.CallAsync("getStats", ("meetingID", single)).ConfigureAwait(false);
                Expect.SameItems(all.Where(a => a == single), StatsAnswers.MeetingIds(StatsAnswers.Expect(answer)),
                    $"for meetingID={single} exactly its entries", answer);
                break;
            case "list":
                var listed = picks.Take(2).Append(ctx.Ledger.UnknownId("meeting")).ToList();
                var listAnswer = await ctx.CallAsync("getStats", ("meetingID", string.Join(',', listed))).ConfigureAwait(false);
                Expect.SameItems(all.Where(listed.Contains), StatsAnswers.MeetingIds(StatsAnswers.Expect(listAnswer)),
                    $"for meetingID={string.Join(',', listed)} exactly the entries of the listed meetings", listAnswer);
                break;
            default:
                throw new CaseFailure("a stats-selection mode absent|one|list|unknown|empty-key", $"mode '{mode}' in the case fixture");
        }
    }
}
