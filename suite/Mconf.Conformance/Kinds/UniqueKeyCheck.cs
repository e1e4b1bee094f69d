using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>unique-key</c>: no two records of one answer share <c>key</c> (e.g. a record ID in getRecordings:
/// a recording in several formats is one record with several formats, specs/reference.md §3.7). Inconclusive with
/// fewer than two records, where there is nothing to compare. <c>key</c> may join several children with '+' (a
/// composite key).</summary>
internal sealed class UniqueKeyCheck : ICheck
{
    public string Kind => "unique-key";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var key = c.Arg("key");
        var records = await MeaningRecords.ReadAsync(ctx, call, c.Arg("record")).ConfigureAwait(false);
        if (records.Count < 2)
        {
            throw new CaseInconclusive($"{call} shows {records.Count} record(s): nothing to compare {key}s in");
        }

        // A composite key names its parts with '+' (getMeetings: meetingID+createTime, since an ended meeting still in
        // memory may share its meetingID with a new one, reference §5).
        var keys = records.Select(r => (Record: r, Key: string.Join(" + ", key.Split('+').Select(part => BbbResponse.Text(MeaningRecords.Required(r, part)[0]))))).ToList();
        if (keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CaseFailure($"each {key} once in the {call} answer", $"{twice.Key} in {twice.Count()} records", twice.First().Record.Answer);
        }

        foreach (var (answer, label) in keys.Select(k => (k.Record.Answer, k.Record.Label)).Take(MeaningRecords.MaxWitnesses))
        {
            ctx.Witness(answer, label, $"{key} unique among {records.Count.ToString(CultureInfo.InvariantCulture)} records");
        }
    }
}
