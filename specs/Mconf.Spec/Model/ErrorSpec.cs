namespace Mconf.Spec.Model;

/// <summary>An answer key with its exact 0.9 message. <see cref="Shape"/> is <c>normal</c>
/// (<c>messageKey</c>/<c>message</c>) or <c>errors</c> (<c>&lt;errors&gt;&lt;error key message/&gt;</c>);
/// <see cref="Success"/> marks keys that come with returncode SUCCESS (e.g. <c>noMeetings</c>). <see cref="Scope"/>
/// says who gives it: a server to the listed calls of the spec (<see cref="CallScope"/>, the default), a server to a
/// call the spec does not describe (<see cref="OutsideSpecScope"/>), or only the kit's fake (<see cref="FakeScope"/>,
/// no calls). Every envelope the fake writes comes from one of these entries; cases are generated from the first
/// kind only.</summary>
public sealed record ErrorSpec(
    string Id,
    string Key,
    string Message,
    IReadOnlyList<string> Calls,
    string Shape,
    bool Success,
    Origin Origin,
    SourceRef Source,
    string Scope = ErrorSpec.CallScope)
{
    /// <summary>A server's answer to the listed calls, each of which is in <c>specs/calls/</c>.</summary>
    public const string CallScope = "call";

    /// <summary>A server's answer to a call the spec does not describe (setConfigXML).</summary>
    public const string OutsideSpecScope = "outside-spec";

    /// <summary>An answer only the kit's fake gives (an outage set on it, a replay without a recording, its own
    /// failure); no real server sends it and no case expects it.</summary>
    public const string FakeScope = "fake";
}
