namespace Mconf.Conformance.Runner.Reports;

/// <summary>A legitimate variation as the reports show it: once, with every case that saw it.</summary>
public sealed record ObservationEntry(string Text, IReadOnlyList<string> Cases);

/// <summary>The run's observations deduplicated across cases: several cases of one delta see the same variation (a
/// guest policy, the videoCount reading), and a reader needs it said once, not once per case.</summary>
public static class ObservationList
{
    public static IReadOnlyList<ObservationEntry> Of(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Cases
            .SelectMany(c => c.Observations.Select(o => (c.Id, Text: o)))
            .GroupBy(o => o.Text, StringComparer.Ordinal)
            .Select(g => new ObservationEntry(g.Key, [.. g.Select(o => o.Id).Distinct(StringComparer.Ordinal)]))];
    }
}
