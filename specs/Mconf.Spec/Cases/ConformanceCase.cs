using Mconf.Spec.Model;

namespace Mconf.Spec.Cases;

/// <summary>One conformance case: the one record the generator writes to <c>fixtures/cases/&lt;call&gt;.json</c> and
/// the suite reads back. <see cref="Id"/> is unique (the spec ID, plus <c>#slug</c> for rules and session steps);
/// <see cref="SpecId"/> is the spec entry it verifies; <see cref="Kind"/> names the check (<c>element</c>, a rule
/// kind of specs/spec.schema.json, or <c>presence-session</c>); <see cref="Args"/> parameterise the check, typed.</summary>
public sealed record ConformanceCase(
    string Id,
    string SpecId,
    Origin Layer,
    string Call,
    string Kind,
    string Title,
    string Action,
    string Requirement,
    SourceRef Source,
    CaseTier Tier,
    CaseArgs Args)
{
    /// <summary>A text argument the check cannot do without.</summary>
    public string Arg(string name) => Args.Text(name) ?? throw new KeyNotFoundException($"Case {Id} has no argument '{name}'.");

    /// <summary>A text argument, or null when the case has none of that name.</summary>
    public string? OptionalArg(string name) => Args.Text(name);

    /// <summary>The <c>supporting</c> flag (any kind): the case checks how a request of the delta is handled
    /// (refused without a checksum, answered like any join) rather than the behaviour the delta documents, so it can
    /// fail the delta but never verifies it alone.</summary>
    public bool IsSupporting => Args.Flag("supporting");

    /// <summary>The <c>alsoAt</c> list: other paths where the docs reasonably put the element (may be empty).</summary>
    public IReadOnlyList<string> AlsoAt => Args.List("alsoAt");

    /// <inheritdoc/>
    public override string ToString() => $"{Id} — {Title}";
}
