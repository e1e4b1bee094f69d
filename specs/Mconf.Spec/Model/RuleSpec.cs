namespace Mconf.Spec.Model;

/// <summary>A behaviour or consistency statement about one spec entry (<see cref="About"/>), e.g.
/// "listenerCount equals the attendees flagged isListeningOnly". <see cref="Id"/> is the entry's ID plus
/// <c>#slug</c>. <see cref="Kind"/> names the check that verifies it; <see cref="Args"/> parameterise it.</summary>
public sealed record RuleSpec(
    string Id,
    string About,
    string Kind,
    Origin Origin,
    string Requirement,
    SourceRef Source,
    IReadOnlyDictionary<string, string>? Args = null);
