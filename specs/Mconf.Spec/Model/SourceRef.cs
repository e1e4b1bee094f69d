namespace Mconf.Spec.Model;

/// <summary>Where a spec entry comes from: <c>wiki</c> (the Mconf-Live API page, copied in
/// fixtures/wiki/mconf-live-api-wiki.txt; the quote is verbatim text of it) or <c>reference</c> (the kit's behaviour
/// reference, specs/reference.md; the section is one of its numbers), the section, and the line it rests on.</summary>
public sealed record SourceRef(string Doc, string Section, string Quote)
{
    /// <summary>The wiki copy, fixtures/wiki/mconf-live-api-wiki.txt.</summary>
    public const string Wiki = "wiki";

    /// <summary>The behaviour reference, specs/reference.md.</summary>
    public const string Reference = "reference";

    public override string ToString() => $"{Doc} {Section}";
}
