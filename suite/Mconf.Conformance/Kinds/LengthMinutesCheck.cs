using System.Globalization;
using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>length-minutes</c>: every <c>length</c> of an observed record is whole minutes, rounded up, of
/// at most the record's duration (<c>end</c> − <c>start</c>, milliseconds): length ≤ ⌈duration / 60000⌉, plus one
/// minute of slack because a playback's own duration may differ slightly from the session's (specs/reference.md
/// §3.7). A length in seconds or milliseconds exceeds that bound for any recording of a few seconds or more.
/// Inconclusive when no record has a length.</summary>
internal sealed class LengthMinutesCheck : ICheck
{
    public const long MinuteMs = 60_000;

    public string Kind => "length-minutes";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var start = c.Arg("start");
        var end = c.Arg("end");
        var length = c.Arg("length");
        var judged = 0;
        var records = await MeaningRecords.ReadAsync(ctx, call, c.Arg("record")).ConfigureAwait(false);
        foreach (var record in records)
        {
            var lengths = MeaningRecords.Required(record, length);
            if (lengths.Count == 0)
            {
                continue;
            }

            var from = MeaningRecords.Integer(record, MeaningRecords.Required(record, start)[0], start);
            var to = MeaningRecords.Integer(record, MeaningRecords.Required(record, end)[0], end);
            if (to < from)
            {
                // The order of the times is another rule's; no duration to compare with here.
                continue;
            }

            var bound = ((to - from + MinuteMs - 1) / MinuteMs) + 1;
            foreach (var element in lengths)
            {
                var minutes = MeaningRecords.Integer(record, element, length);
                if (minutes > bound)
                {
                    throw new CaseFailure(
                        $"<{length}> of {MeaningRecords.Where(record)} in minutes: at most {Text(bound)} (its {end} − {start} = {Text(to - from)} ms, rounded up, plus one)",
                        $"{Text(minutes)} (seconds or milliseconds?)", record.Answer);
                }

                if (judged++ < MeaningRecords.MaxWitnesses)
                {
                    ctx.Witness(record.Answer, record.Label, $"{length}={Text(minutes)} min for {Text(to - from)} ms");
                }
            }
        }

        if (judged == 0)
        {
            throw new CaseInconclusive($"no record of {call} with a <{length}> to judge ({records.Count} record(s) seen; a server with recordings shows them)");
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
