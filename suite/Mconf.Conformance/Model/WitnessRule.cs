using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Model;

/// <summary>When a case's pass counts as a verification: only through a witness, a value the case observed and
/// judged. The runner's delta table and the NUnit suite apply the same rule, so a case that passed on absence (or on
/// nothing it saw) verifies nothing in either.</summary>
internal static class WitnessRule
{
    /// <summary>A case whose pass must rest on a witness: an Mconf-Live case that is not merely supporting (a
    /// supporting case checks how a request is refused or answered and never verifies a delta alone).</summary>
    public static bool NeedsWitness(ConformanceCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Layer == Origin.MconfLive && !@case.IsSupporting;
    }

    /// <summary>A witness under <paramref name="witnessSpecId"/> left by a case with spec ID <paramref name="caseSpecId"/>
    /// is evidence for the delta <paramref name="deltaId"/> when it names the delta itself or the case's own spec
    /// entry (through which the case is about the delta).</summary>
    public static bool CountsFor(string witnessSpecId, string deltaId, string caseSpecId) =>
        string.Equals(witnessSpecId, deltaId, StringComparison.Ordinal) || string.Equals(witnessSpecId, caseSpecId, StringComparison.Ordinal);

    /// <summary>The result carries a witness of what its case is about: its spec ID, or an entry that spec ID or the
    /// case ID refines (the call of a new call's case, the entry of a rule).</summary>
    public static bool Witnessed(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = result.Case;
        return result.Witnesses.Any(w => w.SpecId == c.SpecId || Refines(c.SpecId, w.SpecId) || Refines(c.Id, w.SpecId));
    }

    private static bool Refines(string id, string entry) =>
        id.Length > entry.Length && id.StartsWith(entry, StringComparison.Ordinal) && id[entry.Length] is '/' or '#';
}
