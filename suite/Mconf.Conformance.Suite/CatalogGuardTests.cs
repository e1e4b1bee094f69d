using Mconf.Spec;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Suite;

/// <summary>A suite that loads no case, or misses a delta, must not look green.</summary>
[TestFixture]
public sealed class CatalogGuardTests
{
    [Test]
    public void Catalog_LoadsCases() =>
        CaseCatalog.All.Count.ShouldBeGreaterThan(0, "no conformance case was loaded from the embedded fixtures");

    [Test]
    public void Catalog_HasACaseForEveryMconfLiveDelta()
    {
        var spec = SpecCatalog.Load();
        var deltas = spec.Calls.SelectMany(c => c.Params.Where(p => p.Origin == Origin.MconfLive).Select(p => p.Id)
            .Concat(c.Response.Where(e => e.Origin == Origin.MconfLive).Select(e => e.Id)));
        var covered = CaseCatalog.All.Select(c => c.SpecId).ToHashSet(StringComparer.Ordinal);
        deltas.Where(id => !covered.Contains(id)).ShouldBeEmpty("Mconf-Live delta IDs without a case");
    }
}
