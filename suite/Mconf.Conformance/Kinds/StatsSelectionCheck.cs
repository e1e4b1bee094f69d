using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>stats-selection</c>: getStats' meetingID selection. The meetings asked about are witnesses: known to
/// have stats independently of the answers judged (the run's own meetings and the meetings of listed recordings, each
/// confirmed by a getStats scoped to it, <see cref="SessionObservations.StatsWitnessesAsync"/>); without one the case
/// is inconclusive, never passed. Counts are compared with unfiltered answers taken just before and after, read as
/// streams keeping only the witnesses' entries (a live server adds stats as meetings end; a count is judged within
/// what the snapshots allow). Modes: absent (all stats: every entry of each witness is in it), one (only that
/// meeting's entries, all of them), list (exactly the union of the listed meetings' own answers; an unknown ID adds
/// nothing), prefix (an ID that is a proper prefix of a meeting with stats selects nothing of it), case (the ID in
/// another letter case selects nothing of it), unknown (an empty answer). Only IDs a 0.9 server reads back
/// unchanged are sent (<see cref="SafeIds"/>).</summary>
internal sealed class StatsSelectionCheck : ICheck
{
    public const int Probes = 3;

    public string Kind => "stats-selection";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var mode = ctx.RequireCase().Arg("mode");
        if (mode is "unknown" or "empty-key")
        {
            var unknown = await ctx.CallAsync("getStats", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false);
            var answer = StatsAnswers.Expect(unknown);
            Expect.Count(0, StatsAnswers.MeetingIds(answer).Count, "stats/meeting entries for an unknown meetingID", unknown);
            if (answer.Select("stats").FirstOrDefault() is null)
            {
                ctx.Observe("getStats answers an empty selection without a <stats> element" + (answer.MessageKey is { Length: > 0 } k ? $" (messageKey {k})" : ""));
            }

            if (mode == "empty-key" && !string.IsNullOrEmpty(answer.MessageKey))
            {
                // specs/reference.md §6.4 knows only noStats for an empty answer; the wiki says nothing, so none is fine too.
                Expect.Equal("noStats", answer.MessageKey, "messageKey of getStats' empty answer", unknown);
            }

            ctx.Witness(unknown, "an unknown meetingID", $"no meeting entry, messageKey '{answer.MessageKey}'");
            return;
        }

        var witnesses = await ctx.Session.Shared.StatsWitnessesAsync(ctx).ConfigureAwait(false);
        if (witnesses.Count == 0)
        {
            // Nothing to select from is inconclusive only on a server that has the call: one without it fails here.
            StatsAnswers.Expect(await ctx.CallAsync("getStats", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false));
            throw new CaseInconclusive(
                "no meeting is known to have stats independently of the answer judged (the run's own meetings and the meetings of recordings " +
                "listed by getRecordings were asked for their stats; stats come from past meetings with attendees): without such a witness the selection cannot be judged. " +
                "The presence session (--presence-driver or --presence) makes a meeting with stats");
        }

        // Prefer witnesses with few entries, so that a server ignoring the selection is caught.
        var ids = witnesses.OrderBy(w => w.Entries).ThenBy(w => w.MeetingId, StringComparer.Ordinal).Select(w => w.MeetingId).ToList();
        var watched = ids.ToHashSet(StringComparer.Ordinal);
        var picks = ids.Take(Probes).ToList();
        switch (mode)
        {
            case "absent":
                var before = await AllAsync(ctx, watched).ConfigureAwait(false);
                var singles = new List<(string Id, int Count)>();
                foreach (var id in picks)
                {
                    var one = await ctx.CallAsync("getStats", ("meetingID", id)).ConfigureAwait(false);
                    singles.Add((id, StatsAnswers.MeetingIds(StatsAnswers.Expect(one)).Count(g => g == id)));
                }

                var afterAll = await AllAsync(ctx, watched).ConfigureAwait(false);
                foreach (var (id, count) in singles)
                {
                    var most = Math.Max(before.Ids.Count(a => a == id), afterAll.Ids.Count(a => a == id));
                    Expect.True(count <= most, $"getStats without meetingID to list every entry of '{id}' ({count} when asked alone; {witnesses.First(w => w.MeetingId == id).Source})",
                        $"{most} entries of it (at most, before and after)", afterAll.Answer);
                }

                break;
            case "one":
                var single = picks[0];
                var beforeOne = await AllAsync(ctx, watched).ConfigureAwait(false);
                var answer = await ctx.CallAsync("getStats", ("meetingID", single)).ConfigureAwait(false);
                var got = StatsAnswers.MeetingIds(StatsAnswers.Expect(answer));
                var after = await AllAsync(ctx, watched).ConfigureAwait(false);
                Within(single, got, [beforeOne.Ids, after.Ids], answer);
                Only(got, [single], $"for meetingID={single} only entries of that meeting", answer);
                break;
            case "list":
                var listed = picks.Take(2).Append(ctx.Ledger.UnknownId("meeting")).ToList();
                var beforeList = await AllAsync(ctx, watched).ConfigureAwait(false);
                var listAnswer = await ctx.CallAsync("getStats", ("meetingID", string.Join(',', listed))).ConfigureAwait(false);
                var inList = StatsAnswers.MeetingIds(StatsAnswers.Expect(listAnswer));
                var each = new List<List<string>>();
                var ownEntries = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in listed)
                {
                    var own = StatsAnswers.Expect(await ctx.CallAsync("getStats", ("meetingID", id)).ConfigureAwait(false));
                    each.Add(StatsAnswers.MeetingIds(own));
                    ownEntries.UnionWith(StatsAnswers.Identities(own));
                }

                var afterList = await AllAsync(ctx, watched).ConfigureAwait(false);
                Only(inList, listed, $"for meetingID={string.Join(',', listed)} only entries of the listed meetings", listAnswer);
                // Each entry of the list is one of the entries its meeting's own answer gives, identity and all: a
                // list that moved a name or recordID to another meeting's entry fails even with the right IDs.
                if (StatsAnswers.Identities(StatsAnswers.Expect(listAnswer)).FirstOrDefault(e => !ownEntries.Contains(e)) is { } moved)
                {
                    throw new CaseFailure($"each entry of meetingID={string.Join(',', listed)} to be one its meeting's own getStats gives (meetingID, meetingName, recordID)",
                        $"an entry {moved} that no single-meeting answer has", listAnswer);
                }

                foreach (var id in listed)
                {
                    List<string> own = [.. each.SelectMany(e => e)];
                    List<List<string>> snapshots = watched.Contains(id) ? [beforeList.Ids, afterList.Ids, own] : [own];
                    Within(id, inList, snapshots, listAnswer);
                }

                break;
            case "prefix":
                var longer = ids.Where(id => id.Length > 1).OrderBy(id => id, StringComparer.Ordinal)
                    .Select(id => (Id: id, Prefix: id[..^1])).FirstOrDefault(p => SafeIds.IsSafe(p.Prefix) && !watched.Contains(p.Prefix));
                if (longer == default)
                {
                    throw new CaseInconclusive("no meeting known to have stats has an ID whose prefix is not itself a meeting with stats");
                }

                await ExpectNothingOfAsync(ctx, longer.Prefix, $"a proper prefix of '{longer.Id}'").ConfigureAwait(false);
                break;
            case "case":
                var swapped = ids.Select(id => (Id: id, Other: SwapCase(id))).FirstOrDefault(p => p.Other != p.Id && !watched.Contains(p.Other));
                if (swapped == default)
                {
                    throw new CaseInconclusive("no meeting known to have stats has an ID with letters whose case could differ");
                }

                await ExpectNothingOfAsync(ctx, swapped.Other, $"'{swapped.Id}' in another letter case").ConfigureAwait(false);
                break;
            default:
                throw new CaseFailure("a stats-selection mode absent|one|list|prefix|case|unknown|empty-key", $"mode '{mode}' in the case fixture");
        }
    }

    /// <summary>getStats without meetingID, read as a stream keeping only the entries of <paramref name="watched"/>
    /// meetings (memory bounded whatever the number of stats on the server).</summary>
    private static async Task<(ApiAnswer Answer, List<string> Ids)> AllAsync(CaseContext ctx, HashSet<string> watched)
    {
        var sample = new ListSample(0, m => m.Name.LocalName == "meeting" && watched.Contains(Mconf.Spec.Xml.BbbResponse.Value(m, "meetingID") ?? ""));
        var answer = await ctx.CallStreamedAsync("getStats", sample).ConfigureAwait(false);
        return (answer, StatsAnswers.MeetingIds(StatsAnswers.Expect(answer)));
    }

    /// <summary>getStats for <paramref name="id"/> (which no meeting with stats has) answers only entries of exactly
    /// that ID: none of the meeting it was derived from.</summary>
    private static async Task ExpectNothingOfAsync(CaseContext ctx, string id, string what)
    {
        var answer = await ctx.CallAsync("getStats", ("meetingID", id)).ConfigureAwait(false);
        var ids = StatsAnswers.MeetingIds(StatsAnswers.Expect(answer));
        Only(ids, [id], $"for meetingID={id} ({what}) only entries with exactly that ID", answer);
        ctx.Witness(answer, $"meetingID {id}", $"{ids.Count} entries, none of another meeting");
    }

    private static void Only(List<string> got, IReadOnlyList<string> allowed, string expected, ApiAnswer answer)
    {
        var foreign = got.Where(g => !allowed.Contains(g, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw new CaseFailure(expected, $"entries of {string.Join(", ", foreign.Select(f => $"'{f}'"))}", answer);
        }
    }

    /// <summary>The entries of <paramref name="id"/> number no fewer than the fewest and no more than the most seen
    /// in the unfiltered snapshots around the call.</summary>
    private static void Within(string id, List<string> got, IReadOnlyList<List<string>> snapshots, ApiAnswer answer)
    {
        var count = got.Count(g => g == id);
        var least = snapshots.Min(s => s.Count(x => x == id));
        var most = snapshots.Max(s => s.Count(x => x == id));
        if (count < least || count > most)
        {
            throw new CaseFailure($"{(least == most ? $"{least}" : $"{least} to {most}")} entries of '{id}' (as the unfiltered answers around the call list)", $"{count}", answer);
        }
    }

    private static string SwapCase(string value) =>
        string.Concat(value.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));
}
