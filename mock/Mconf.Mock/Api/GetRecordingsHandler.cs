using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getRecordings (specs/reference.md §3.7; Mconf meta_ filters §6.3): GET only. meetingID is a comma-separated
/// list, URL-decoded a second time before splitting, as bbb-web does.</summary>
internal sealed class GetRecordingsHandler : ApiHandler
{
    /// <summary>From this many recordings on, the answer is written as UTF-8 in pieces (never whole as a string):
    /// ~900 bytes each, so from about 200 KB.</summary>
    internal const int Utf8From = 256;

    /// <summary>Characters the writer holds before they are drained into the UTF-8 buffer.</summary>
    private const int DrainAt = 32 * 1024;

    private CachedList? _cache;

    public override string Call => "getRecordings";

    public override IReadOnlyList<string> Methods { get; } = ["GET", "HEAD"];

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        var filters = context.Mconf ? CreateHandler.MetaParameters(request.Parameters) : [];
        var meetingIds = MeetingIdList(request);
        var state = context.State;

        // The unfiltered list (a big server's tens of megabytes) is kept with the recordings' version it was built
        // from (read before the recordings are): any change to them moves the version, and the next request
        // rebuilds it.
        var whole = meetingIds is null && filters.Count == 0;
        var version = state.RecordingsVersion;
        if (whole && Volatile.Read(ref _cache) is { } cache && ReferenceEquals(cache.State, state) && cache.Version == version && cache.Mconf == context.Mconf)
        {
            return cache.Answer;
        }

        var recordings = state.GetRecordings(meetingIds, filters);
        ApiAnswer answer;
        if (recordings.Count == 0)
        {
            answer = context.EmptyList("noRecordings", "recordings", Call);
        }
        else if (recordings.Count < Utf8From)
        {
            var writer = Envelope.Begin(Envelope.Success, 128 + (recordings.Count * 1200)).Open("recordings");
            foreach (var recording in recordings)
            {
                RecordingXml.Write(writer, recording, context.Mconf);
            }

            var body = Envelope.End(writer.Close("recordings"));
            answer = ApiAnswer.Xml(whole ? EncodedBodies.Register(body) : body, noCache: false);
        }
        else
        {
            answer = ApiAnswer.XmlUtf8(Utf8List(recordings, context.Mconf), noCache: false);
        }

        if (whole)
        {
            Volatile.Write(ref _cache, new CachedList(state, version, context.Mconf, answer));
        }

        return answer;
    }

    /// <summary>The same bytes as the string answer encoded as UTF-8, written in pieces: memory is the answer's bytes
    /// (plus one copy while they are joined), not twice its characters plus the bytes.</summary>
    private static byte[] Utf8List(IReadOnlyList<Recording> recordings, bool mconf)
    {
        var bytes = new Utf8Buffer();
        var writer = Envelope.Begin(Envelope.Success, DrainAt + 4096).Open("recordings");
        foreach (var recording in recordings)
        {
            RecordingXml.Write(writer, recording, mconf);
            if (writer.Length >= DrainAt)
            {
                writer.DrainTo(bytes);
            }
        }

        writer.Close("recordings").Close("response").DrainTo(bytes);
        return bytes.ToArray();
    }

    private sealed record CachedList(ServerState State, long Version, bool Mconf, ApiAnswer Answer);

    /// <summary>The external meeting IDs selected by <c>meetingID</c>, or null (all) when it is absent or empty.</summary>
    public static IReadOnlyList<string>? MeetingIdList(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = ApiRequest.Present(request.Get("meetingID"));
        return value is null ? null : Java.Split(QueryString.Decode(value), ',');
    }
}
