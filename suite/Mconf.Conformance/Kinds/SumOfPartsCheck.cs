using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>sum-of-parts</c>: in every observed record of <c>call</c> that has containers of
/// <c>parts</c> (e.g. a recording's playback formats), <c>total</c> is present and equals the sum of the parts,
/// each container carrying its part (specs/reference.md §3.7: a recording's size is the sum of its formats'
/// sizes; with <c>alsoParts</c>, the sum of both sets is accepted too). Inconclusive when no record has any container.</summary>
internal sealed class SumOfPartsCheck : ICheck
{
    public string Kind => "sum-of-parts";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var total = c.Arg("total");
        var parts = c.Arg("parts");
        var alsoParts = c.OptionalArg("alsoParts");
        var slash = parts.LastIndexOf('/');
        var container = slash < 0 ? "" : parts[..slash];
        var part = parts[(slash + 1)..];
        var judged = 0;
        var records = await MeaningRecords.ReadAsync(ctx, call, c.Arg("record")).ConfigureAwait(false);
        foreach (var record in records)
        {
            var containers = container.Length == 0 ? [record.Element] : BbbResponse.Select(record.Element, container).ToList();
            if (containers.Count == 0)
            {
                continue;
            }

            var values = new List<long>();
            foreach (var holder in containers)
            {
                var element = BbbResponse.Select(holder, part).FirstOrDefault()
                    ?? throw new CaseFailure($"<{parts}> in every <{holder.Name.LocalName}> of {MeaningRecords.Where(record)}", "a container without it", record.Answer);
                values.Add(MeaningRecords.Integer(record, element, parts));
            }

            var totalElement = MeaningRecords.Required(record, total).First();
            var sum = values.Sum();
            var value = MeaningRecords.Integer(record, totalElement, total);
            var terms = string.Join(" + ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            if (value != sum && alsoParts is not null)
            {
                // Which formats the total adds up is not certain (specs/reference.md §3.7 says "its formats"): the
                // other reading, these parts plus alsoParts (a recording's download formats too), is accepted.
                var extra = BbbResponse.Select(record.Element, alsoParts).Select(e => MeaningRecords.Integer(record, e, alsoParts)).ToList();
                if (extra.Count > 0 && value == sum + extra.Sum())
                {
                    ctx.Observe($"{total} is the sum of {parts} and {alsoParts} (both readings of the docs are accepted)");
                    sum += extra.Sum();
                    terms += " + " + string.Join(" + ", extra.Select(v => v.ToString(CultureInfo.InvariantCulture)));
                }
            }

            if (value != sum)
            {
                throw new CaseFailure($"<{total}> of {MeaningRecords.Where(record)} to be {sum.ToString(CultureInfo.InvariantCulture)} (the sum of its {parts}: {terms})",
                    value.ToString(CultureInfo.InvariantCulture), record.Answer);
            }

            if (judged++ < MeaningRecords.MaxWitnesses)
            {
                ctx.Witness(record.Answer, record.Label, $"{total}={value.ToString(CultureInfo.InvariantCulture)} = {terms}");
            }
        }

        if (judged == 0)
        {
            throw new CaseInconclusive($"no record of {call} with any <{(container.Length == 0 ? parts : container)}> to add up ({records.Count} record(s) seen; a server with recordings shows them)");
        }
    }
}
