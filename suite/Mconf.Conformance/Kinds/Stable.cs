using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>One disagreement between two answers about the same thing (<see cref="Key"/>, e.g. a meeting).</summary>
internal sealed record Disagreement(string Key, string Expected, string Actual, ApiAnswer? Answer);

/// <summary>Cross-call comparisons on a live server: other tenants change the data between two calls, so a
/// disagreement fails only when fresh reads of both sides show the same disagreement twice in a row. Whatever
/// agrees on any read is settled; what disagrees differently on every read leaves the case inconclusive.</summary>
internal static class Stable
{
    public const int MaxReads = 5;

    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    /// <summary><paramref name="read"/> reads both sides afresh and returns every disagreement it sees.</summary>
    public static async Task JudgeAsync(CaseContext ctx, string what, Func<Task<IReadOnlyList<Disagreement>>> read)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(read);
        Dictionary<string, Disagreement>? pending = null;
        for (var i = 0; i < MaxReads; i++)
        {
            if (i > 0)
            {
                await ctx.DelayAsync(Pause).ConfigureAwait(false);
            }

            var now = new Dictionary<string, Disagreement>(StringComparer.Ordinal);
            foreach (var d in await read().ConfigureAwait(false))
            {
                now.TryAdd(d.Key, d);
            }

            if (pending is not null)
            {
                var stable = now.Values.FirstOrDefault(d => pending.TryGetValue(d.Key, out var before) && before.Expected == d.Expected && before.Actual == d.Actual);
                if (stable is not null)
                {
                    throw new CaseFailure(stable.Expected, stable.Actual + " (the same on two fresh reads in a row)", stable.Answer);
                }
            }

            // Only what disagreed on every read so far is still open.
            pending = pending is null ? now : now.Where(kv => pending.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            if (pending.Count == 0)
            {
                return;
            }
        }

        var last = pending!.Values.First();
        throw new CaseInconclusive(
            $"{what}: the target's data changed between every pair of reads ({MaxReads} fresh reads, never the same disagreement twice; last: expected {last.Expected}; got {last.Actual})");
    }
}
