using Mconf.Spec.Model;

namespace Mconf.Conformance.Model;

/// <summary>One conformance case as generated into <c>fixtures/cases/&lt;call&gt;.json</c> from a spec entry.
/// <see cref="Id"/> is unique (the spec ID, plus <c>#slug</c> for rules); <see cref="SpecId"/> is the spec entry
/// it verifies; <see cref="Kind"/> names the check (<c>element</c> or a rule kind of specs/spec.schema.json);
/// <see cref="Tier"/> is <c>read-only</c> (observes only) or <c>lifecycle</c> (creates meetings).</summary>
public sealed record ConformanceCase(
    string Id,
    string SpecId,
    string Layer,
    string Call,
    string Kind,
    string Title,
    string Action,
    string Requirement,
    SourceRef Source,
    string Tier,
    IReadOnlyDictionary<string, string> Args)
{
    public const string ReadOnlyTier = CaseTiers.ReadOnly;
    public const string LifecycleTier = CaseTiers.Lifecycle;

    public string Arg(string name) =>
        Args.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Case {Id} has no argument '{name}'.");

    public string? OptionalArg(string name) => Args.TryGetValue(name, out var value) ? value : null;

    /// <summary>The <c>supporting</c> argument (any kind): the case checks how a request of the delta is handled
    /// (refused without a checksum, answered like any join) rather than the behaviour the delta documents, so it can
    /// fail the delta but never verifies it alone.</summary>
    public bool IsSupporting => string.Equals(OptionalArg("supporting"), "true", StringComparison.Ordinal);

    /// <summary>The <c>alsoAt</c> argument: other paths where the docs reasonably put the element (may be empty).</summary>
    public IReadOnlyList<string> AlsoAt =>
        (OptionalArg("alsoAt") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"{Id} — {Title}";
}
