using Mconf.Conformance.Model;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Suite;

/// <summary>One NUnit case per conformance case of the spec-derived fixtures: named "&lt;id&gt; — &lt;title&gt;",
/// with properties SpecId and CaseId and the layer (mconf-live, bbb-0.9) and the call as categories, so
/// <c>dotnet test --filter "SpecId=create/response/voiceBridge"</c> or <c>--filter TestCategory=mconf-live</c> selects.</summary>
public static class SuiteCases
{
    public static IEnumerable<TestCaseData> Cases() => CaseCatalog.All.Select(ToTestCase);

    public static TestCaseData ToTestCase(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new TestCaseData(c.Id)
            .SetName($"{c.Id} — {c.Title}")
            .SetProperty("SpecId", c.SpecId)
            .SetProperty("CaseId", c.Id)
            .SetProperty("Kind", c.Kind)
            .SetProperty("Tier", c.Tier.Name())
            .SetCategory(c.Layer.Layer())
            .SetCategory(c.Call)
            .SetDescription(c.Requirement);
    }
}
