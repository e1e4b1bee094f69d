using System.Text.Json.Serialization;
using Mconf.Spec.Model;

namespace Mconf.Spec.Cases;

/// <summary>One Mconf-Live delta as the generator writes it to <c>fixtures/deltas/mconf-live.json</c>: a row of the delta
/// table. <see cref="Covers"/> says which cases are about it, so the report needs no spec at run time.</summary>
public sealed record DeltaEntry(
    string Id,
    string Kind,
    string Call,
    string Description,
    bool InWiki,
    SourceRef Source,
    DeltaCoverage Covers)
{
    /// <summary>Whether <paramref name="c"/> is one of this delta's cases.</summary>
    public bool IsCoveredBy(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Covers switch
        {
            DeltaCoverage.Call => c.Call == Call,
            DeltaCoverage.Rule => c.SpecId == Id || c.Id == Id,
            _ => c.SpecId == Id || c.SpecId.StartsWith(Id + "#", StringComparison.Ordinal),
        };
    }
}

/// <summary>How a delta's cases are found.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeltaCoverage>))]
public enum DeltaCoverage
{
    /// <summary>Cases whose spec ID is the entry or a rule about it (<c>&lt;id&gt;#slug</c>).</summary>
    [JsonStringEnumMemberName("spec-id")] SpecId,

    /// <summary>Every case of the call (a call new in Mconf-Live).</summary>
    [JsonStringEnumMemberName("call")] Call,

    /// <summary>The rule's own cases (a rule about an entry that has no row of its own).</summary>
    [JsonStringEnumMemberName("rule")] Rule,
}
