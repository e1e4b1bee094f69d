namespace Mconf.Spec.Model;

/// <summary>A response element. <see cref="Path"/> is slash-separated below <c>&lt;response&gt;</c>
/// (e.g. <c>attendees/attendee/isPresenter</c>); <see cref="Id"/> is <c>&lt;call&gt;/response/&lt;path&gt;</c>.
/// <see cref="InWiki"/> is false for Mconf-Live fields the server returns but the wiki omits.
/// <see cref="AlsoAt"/> lists other paths where a reasonable reading of the docs puts the element (the wiki says
/// create's voiceBridge is "within &lt;meeting&gt;"; real servers write it at top level): the suite accepts either.
/// <see cref="When"/> is <see cref="Presence.Always"/> (in every instance of its parent) or
/// <see cref="Presence.Optional"/>, and then <see cref="AbsentWhen"/> says under which documented condition it may
/// be absent; <see cref="InWiki"/> does not change its presence.</summary>
public sealed record ElementSpec(
    string Id,
    string Path,
    SpecType Type,
    Presence When,
    bool Repeated,
    Origin Origin,
    string Description,
    SourceRef Source,
    IReadOnlyList<string>? Values = null,
    bool InWiki = true,
    IReadOnlyList<string>? AlsoAt = null,
    AbsenceCondition? AbsentWhen = null)
{
    /// <summary>The element's own name (last path segment).</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The parent path, empty for a direct child of <c>&lt;response&gt;</c>.</summary>
    public string ParentPath => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : "";
}
