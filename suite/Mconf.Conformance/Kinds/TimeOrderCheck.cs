using System.Globalization;
using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>time-order</c>: in every observed record of <c>call</c> (<c>record</c>, "" for the answer
/// itself), every value at <c>earlier</c> is at most every value at <c>later</c> (e.g. a recording's startTime ≤
/// endTime; a stats participant's joinTime ≥ its meeting's startTime; specs/reference.md §3.5, §6.6). With
/// <c>zero=unset</c> a 0 is a time not set yet and is not judged. Both values come from one answer on the server's
/// own clock, so the clock's offset does not matter. Inconclusive when no pair could be judged.</summary>
internal sealed class TimeOrderCheck : ICheck
{
    public string Kind => "time-order";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var earlier = c.Arg("earlier");
        var later = c.Arg("later");
        var zeroUnset = c.OptionalArg("zero") == "unset";
        var judged = 0;
        var records = await MeaningRecords.ReadAsync(ctx, call, c.Arg("record")).ConfigureAwait(false);
        foreach (var record in records)
        {
            var firsts = MeaningRecords.Required(record, earlier).Select(e => MeaningRecords.Integer(record, e, earlier)).ToList();
            var seconds = MeaningRecords.Required(record, later).Select(e => MeaningRecords.Integer(record, e, later)).ToList();
            foreach (var first in firsts.Where(v => !(zeroUnset && v == 0)))
            {
                foreach (var second in seconds.Where(v => !(zeroUnset && v == 0)))
                {
                    if (first > second)
                    {
                        throw new CaseFailure($"{earlier} ≤ {later} in {MeaningRecords.Where(record)}",
                            $"{earlier} {Text(first)} after {later} {Text(second)} (by {Text(first - second)} ms)", record.Answer);
                    }

                    if (judged++ < MeaningRecords.MaxWitnesses)
                    {
                        ctx.Witness(record.Answer, record.Label, $"{earlier}={Text(first)} ≤ {later}={Text(second)}");
                    }
                }
            }
        }

        if (judged == 0)
        {
            throw new CaseInconclusive(records.Count == 0
                ? $"{call} shows no record to judge {earlier} ≤ {later} in (no meetings, recordings or stats on the target)"
                : $"no record of {call} has both {earlier} and {later} set ({records.Count} record(s) seen)");
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
