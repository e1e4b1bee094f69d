using System.Text.Json.Serialization;

namespace Mconf.Spec.Cases;

/// <summary>The two tiers of conformance cases, written once: the generator assigns them to the case fixtures and
/// the suite selects by them. <see cref="ReadOnly"/> cases only observe; <see cref="Lifecycle"/> cases create,
/// join or end meetings of their own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseTier>))]
public enum CaseTier
{
    /// <summary>Observes only: safe against any server.</summary>
    [JsonStringEnumMemberName(CaseTierNames.ReadOnly)] ReadOnly,

    /// <summary>Creates, joins and ends meetings of its own.</summary>
    [JsonStringEnumMemberName(CaseTierNames.Lifecycle)] Lifecycle,
}

/// <summary>The tiers' spellings in fixtures, settings and reports.</summary>
public static class CaseTierNames
{
    /// <summary>The spelling of <see cref="CaseTier.ReadOnly"/>.</summary>
    public const string ReadOnly = "read-only";

    /// <summary>The spelling of <see cref="CaseTier.Lifecycle"/>.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>The tier's spelling.</summary>
    public static string Name(this CaseTier tier) => tier == CaseTier.ReadOnly ? ReadOnly : Lifecycle;

    /// <summary>Reads a spelling; false for anything else.</summary>
    public static bool TryParse(string? text, out CaseTier tier)
    {
        tier = text switch { ReadOnly => CaseTier.ReadOnly, _ => CaseTier.Lifecycle };
        return text is ReadOnly or Lifecycle;
    }
}
