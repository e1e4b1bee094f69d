using System.Globalization;
using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>One record of an answer that a meaning rule judges: a meeting, a recording, a stats entry or a
/// participant (<see cref="Element"/>), the answer it came from and a label for reports (its ID).</summary>
internal sealed record MeaningRecord(ApiAnswer Answer, XElement Element, string Label);

/// <summary>The records the meaning kinds (time-order, sum-of-parts, length-minutes, epoch-ms) judge: the observed
/// meetings' getMeetingInfo, getMeetings' entries, and the shared getRecordings / getStats snapshots.</summary>
internal static class MeaningRecords
{
    /// <summary>Witnesses kept per case: enough to show what was judged without flooding the reports.</summary>
    public const int MaxWitnesses = 12;

    /// <summary>The answers of <paramref name="call"/> that the case can observe (the API's one answer for a
    /// snapshot call; one getMeetingInfo per observed meeting).</summary>
    public static async Task<IReadOnlyList<(ApiAnswer Answer, string Label)>> AnswersAsync(CaseContext ctx, string call)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        switch (call)
        {
            case "getMeetingInfo":
                var (_, views) = await ObservedMeetings.ObserveAsync(ctx).ConfigureAwait(false);
                return [.. views.Select(v => (v.Info, "meeting " + v.MeetingId))];
            case "getMeetings":
                var (list, _) = await ObservedMeetings.ObserveAsync(ctx).ConfigureAwait(false);
                Expect.Success(list);
                return [(list, "")];
            case "getRecordings":
                var recordings = await ctx.Session.Shared.RecordingsAsync(ctx).ConfigureAwait(false);
                Expect.Success(recordings);
                return [(recordings, "")];
            case "getStats":
                var stats = await ctx.Session.Shared.StatsAsync(ctx).ConfigureAwait(false);
                Expect.Success(stats);
                return [(stats, "")];
            default:
                throw new InvalidOperationException($"No observation of '{call}' for a meaning rule.");
        }
    }

    /// <summary>The records at <paramref name="recordPath"/> ("" = the answer itself) of every observable answer.</summary>
    public static async Task<IReadOnlyList<MeaningRecord>> ReadAsync(CaseContext ctx, string call, string recordPath)
    {
        var records = new List<MeaningRecord>();
        foreach (var (answer, label) in await AnswersAsync(ctx, call).ConfigureAwait(false))
        {
            var root = Expect.Success(answer).Root;
            records.AddRange(recordPath.Length == 0
                ? [new MeaningRecord(answer, root, label)]
                : BbbResponse.Select(root, recordPath).Select((e, i) => new MeaningRecord(answer, e, Label(e, recordPath, i))));
        }

        return records;
    }

    /// <summary>A record's name in reports: its recordID, meetingID or userID when it has one.</summary>
    public static string Label(XElement element, string recordPath, int index)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = recordPath[(recordPath.LastIndexOf('/') + 1)..];
        foreach (var key in new[] { "recordID", "meetingID", "userID" })
        {
            if (BbbResponse.Value(element, key) is { Length: > 0 } id)
            {
                return $"{name} {id}";
            }
        }

        return $"{name} #{(index + 1).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>An integer value, or a failure naming the element and the record.</summary>
    public static long Integer(MeaningRecord record, XElement element, string path)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = BbbResponse.Text(element);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CaseFailure($"<{path}> of {record.Label} to be an integer", $"'{text}'", record.Answer);
    }

    /// <summary>The elements at <paramref name="path"/> below the record; a direct child that is missing fails
    /// (deeper paths may legitimately match nothing, e.g. a meeting without participants).</summary>
    public static List<XElement> Required(MeaningRecord record, string path)
    {
        ArgumentNullException.ThrowIfNull(record);
        var found = BbbResponse.Select(record.Element, path).ToList();
        if (found.Count == 0 && !path.Contains('/', StringComparison.Ordinal))
        {
            throw new CaseFailure($"<{path}> in {Where(record)}", "no such element", record.Answer);
        }

        return found;
    }

    public static string Where(MeaningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Label.Length == 0 ? $"the {record.Answer.Call} answer" : $"{record.Label} of the {record.Answer.Call} answer";
    }
}
