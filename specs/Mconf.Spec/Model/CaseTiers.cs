namespace Mconf.Spec.Model;

/// <summary>The two tiers of conformance cases, written once: the generator assigns them to the case fixtures and
/// the suite selects by them. <see cref="ReadOnly"/> cases only observe; <see cref="Lifecycle"/> cases create,
/// join or end meetings of their own.</summary>
public static class CaseTiers
{
    public const string ReadOnly = "read-only";
    public const string Lifecycle = "lifecycle";
}
