using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getMeetings (specs/reference.md §3.6): GET only; every meeting in memory, or noMeetings.</summary>
internal sealed class GetMeetingsHandler : ApiHandler
{
    private CachedList? _cache;

    public override string Call => "getMeetings";

    public override IReadOnlyList<string> Methods { get; } = ["GET", "HEAD"];

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        // The list answer is kept with the state version it was built from (read before the snapshots are
        // taken): any change to the meetings moves the version, and the next request rebuilds it.
        var state = context.State;
        state.Sweep();
        var version = state.Version;
        if (Volatile.Read(ref _cache) is { } cache && ReferenceEquals(cache.State, state) && cache.Version == version && cache.Mconf == context.Mconf)
        {
            return ApiAnswer.Xml(cache.Body);
        }

        var meetings = state.GetMeetings();
        if (meetings.Count == 0)
        {
            return context.EmptyList("noMeetings", "meetings", Call);
        }

        var writer = Envelope.Begin(Envelope.Success, 128 + (meetings.Count * 720)).Open("meetings");
        foreach (var meeting in meetings)
        {
            MeetingXml.WriteListEntry(writer, meeting, context.Mconf);
        }

        var body = EncodedBodies.Register(Envelope.End(writer.Close("meetings")));
        Volatile.Write(ref _cache, new CachedList(state, version, context.Mconf, body));
        return ApiAnswer.Xml(body);
    }

    private sealed record CachedList(Engine.ServerState State, long Version, bool Mconf, string Body);
}
