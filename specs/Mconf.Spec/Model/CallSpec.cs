namespace Mconf.Spec.Model;

/// <summary>One API call: its parameters, its success-answer elements in documented order, the order in
/// which the server checks a request (<see cref="CheckOrder"/>: <c>checksumMissing</c>, <c>checksumMismatch</c>
/// or a messageKey) and the answer keys it can give.</summary>
public sealed record CallSpec(
    string Name,
    Origin Origin,
    string Description,
    SourceRef Source,
    IReadOnlyList<string> Methods,
    bool Checksum,
    IReadOnlyList<string> CheckOrder,
    IReadOnlyList<ParamSpec> Params,
    IReadOnlyList<ElementSpec> Response,
    IReadOnlyList<string> Errors)
{
    public ElementSpec? Element(string path) => Response.FirstOrDefault(e => e.Path == path);

    public ParamSpec? Param(string name) => Params.FirstOrDefault(p => p.Name == name);
}
