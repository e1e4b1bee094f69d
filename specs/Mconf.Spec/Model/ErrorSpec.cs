namespace Mconf.Spec.Model;

/// <summary>An answer key with its exact 0.9 message. <see cref="Shape"/> is <c>normal</c>
/// (<c>messageKey</c>/<c>message</c>) or <c>errors</c> (<c>&lt;errors&gt;&lt;error key message/&gt;</c>);
/// <see cref="Success"/> marks keys that come with returncode SUCCESS (e.g. <c>noMeetings</c>).</summary>
public sealed record ErrorSpec(
    string Id,
    string Key,
    string Message,
    IReadOnlyList<string> Calls,
    string Shape,
    bool Success,
    Origin Origin,
    SourceRef Source);
