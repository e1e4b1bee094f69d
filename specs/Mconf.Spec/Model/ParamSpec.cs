namespace Mconf.Spec.Model;

/// <summary>A request parameter. <see cref="Id"/> is <c>&lt;call&gt;/request/&lt;name&gt;</c>.</summary>
public sealed record ParamSpec(
    string Id,
    string Name,
    bool Required,
    SpecType Type,
    string? Default,
    Origin Origin,
    string Description,
    SourceRef Source,
    IReadOnlyList<string>? Values = null,
    bool InWiki = true);
