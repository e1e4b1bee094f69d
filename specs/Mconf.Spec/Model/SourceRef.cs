namespace Mconf.Spec.Model;

/// <summary>Where a spec entry comes from: <c>wiki</c> (the Mconf-Live API page) or <c>facts</c> (the
/// BBB 0.9 / Mconf-Live source-code reference), the section, and the line it rests on.</summary>
public sealed record SourceRef(string Doc, string Section, string Quote)
{
    public override string ToString() => $"{Doc} {Section}";
}
