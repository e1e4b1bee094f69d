using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Cli;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Runner;

/// <summary><c>--list</c>: the selected case IDs and titles, one a line on stdout (the count goes to stderr, so the
/// list pipes cleanly); nothing runs.</summary>
internal static class ListCommand
{
    public static int Run(RunSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var selected = CaseCatalog.Select(settings.Only, settings.Skip)
            .Where(c => settings.Tier != CaseTier.ReadOnly || c.Tier == CaseTier.ReadOnly)
            .ToList();
        if (selected.Count == 0)
        {
            return Runner.CouldNotRun(stderr, "the selection (--only, --skip, --tier) matched no case");
        }

        var width = Math.Min(72, selected.Max(c => c.Id.Length));
        foreach (var c in selected)
        {
            stdout.WriteLine($"{c.Id.PadRight(width)}  {c.Title}");
        }

        var layers = selected.GroupBy(c => c.Layer.Layer(), StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        stderr.WriteLine($"{selected.Count} cases ({string.Join(", ", layers)})");
        return ExitCodes.Conformant;
    }
}
