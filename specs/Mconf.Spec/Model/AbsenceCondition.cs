using System.Text.Json.Serialization;

namespace Mconf.Spec.Model;

/// <summary>When an element whose <see cref="ElementSpec.When"/> is <see cref="Presence.Optional"/> may be absent
/// from a present parent, as the documents state it (<see cref="Source"/>). <see cref="Args"/> name paths below
/// <c>&lt;response&gt;</c> (never inside a repeated element) and answer keys. Every kind but
/// <see cref="AbsenceKind.State"/> can be decided from the answer itself, so the suite checks it there.</summary>
public sealed record AbsenceCondition(
    AbsenceKind Kind,
    string Description,
    SourceRef Source,
    IReadOnlyDictionary<string, string>? Args = null)
{
    /// <summary>The arguments each kind requires.</summary>
    public static IReadOnlyList<string> RequiredArgs(AbsenceKind kind) => kind switch
    {
        AbsenceKind.EmptyList or AbsenceKind.EmptyListOnly => ["list"],
        AbsenceKind.MessageKey or AbsenceKind.MessageKeyOnly or AbsenceKind.NotWithMessageKey => ["key"],
        AbsenceKind.Count => ["count"],
        _ => [],
    };

    public string Arg(string name) =>
        Args is not null && Args.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Absence condition {Kind} has no '{name}'.");

    /// <summary>The kind as spelled in the spec files (<c>empty-list</c>, ...).</summary>
    public static string Name(AbsenceKind kind) => kind switch
    {
        AbsenceKind.EmptyList => "empty-list",
        AbsenceKind.EmptyListOnly => "empty-list-only",
        AbsenceKind.MessageKey => "message-key",
        AbsenceKind.MessageKeyOnly => "message-key-only",
        AbsenceKind.NotWithMessageKey => "not-with-message-key",
        AbsenceKind.Count => "count",
        _ => "state",
    };

    public static AbsenceKind Parse(string name)
    {
        foreach (var kind in Enum.GetValues<AbsenceKind>())
        {
            if (Name(kind) == name)
            {
                return kind;
            }
        }

        throw new FormatException($"Unknown absence condition '{name}'.");
    }
}

/// <summary>The documented reasons an element may be missing from its parent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AbsenceKind>))]
public enum AbsenceKind
{
    /// <summary>Present exactly when the list <c>list</c> has no entry (getMeetings' messageKey with noMeetings).</summary>
    [JsonStringEnumMemberName("empty-list")] EmptyList,

    /// <summary>Present only when the list <c>list</c> has no entry, and may be absent then too (getStats' noStats).</summary>
    [JsonStringEnumMemberName("empty-list-only")] EmptyListOnly,

    /// <summary>Absent exactly when the answer's messageKey is <c>key</c> (meetings/meeting with noMeetings).</summary>
    [JsonStringEnumMemberName("message-key")] MessageKey,

    /// <summary>Absent only when the answer's messageKey is <c>key</c> (getStats' stats with noStats).</summary>
    [JsonStringEnumMemberName("message-key-only")] MessageKeyOnly,

    /// <summary>Never present when the answer's messageKey is <c>key</c>; otherwise it depends on the server's state.</summary>
    [JsonStringEnumMemberName("not-with-message-key")] NotWithMessageKey,

    /// <summary>Present exactly when the number <c>count</c> of the answer is above 0 (attendees and participantCount).</summary>
    [JsonStringEnumMemberName("count")] Count,

    /// <summary>Absent in a server state the answer does not show (no webcam shared, no downloadable format): the
    /// suite cannot decide it from the answer, so the element is judged only where it is observed.</summary>
    [JsonStringEnumMemberName("state")] State,
}
