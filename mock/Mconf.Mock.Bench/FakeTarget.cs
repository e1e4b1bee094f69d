using System.Xml.Linq;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Bench;

/// <summary>The fake Mconf-Live server under test, started in-process through its public API and spoken to over
/// HTTP only, with signed requests, as a client would.</summary>
internal sealed class FakeTarget : IDisposable
{
    public const string Secret = "bench-secret-0123456789abcdef";

    private readonly FakeMconfServer _server;
    private readonly RequestSigner _signer = new(Secret);
    private readonly ApiEndpoint _endpoint;

    private FakeTarget(FakeMconfServer server)
    {
        _server = server;
        _endpoint = ApiEndpoint.Parse(server.BaseUrl);
    }

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Requests held in the fake's WireMock journal right now.</summary>
    public int JournalCount => _server.WireMock.LogEntries.Count();

    /// <summary>Response body bytes (UTF-16 for text) the fake's journal holds right now.</summary>
    public long JournalBodyBytes => _server.WireMock.LogEntries.Sum(e =>
        (2L * (e.ResponseMessage?.BodyData?.BodyAsString?.Length ?? 0)) + (e.ResponseMessage?.BodyData?.BodyAsBytes?.Length ?? 0));

    /// <summary>Starts the fake with N meetings and the options of the issue (the others at their defaults);
    /// <paramref name="variant"/> may change them, for the informative variant rows.</summary>
    public static FakeTarget Start(BenchOptions options, int meetings, Action<FakeServerOptions>? variant = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fakeOptions = new FakeServerOptions
        {
            Port = 0,
            Secret = Secret,
            Seed = options.Seed,
            AutoConnect = true,
            Meetings = meetings,
            AttendeesPerMeeting = options.AttendeesPerMeeting,
            Recordings = 0,
            StatsMeetings = 0,
            JournalLimit = options.JournalLimit,
        };
        variant?.Invoke(fakeOptions);
        return new FakeTarget(FakeMconfServer.Start(fakeOptions));
    }

    public Uri GetMeetingInfoUrl(string meetingId) => _signer.Url(_endpoint, "getMeetingInfo", [new("meetingID", meetingId)]);

    public Uri GetMeetingsUrl() => _signer.Url(_endpoint, "getMeetings", []);

    /// <summary>The meetingIDs the fake lists, read from its signed getMeetings answer.</summary>
    public static IReadOnlyList<string> MeetingIds(byte[] getMeetingsAnswer)
    {
        using var stream = new MemoryStream(getMeetingsAnswer);
        var document = XDocument.Load(stream);
        return [.. document.Descendants("meeting").Select(m => (string?)m.Element("meetingID")).OfType<string>()];
    }

    /// <summary>True when the answer is a BBB envelope with returncode SUCCESS.</summary>
    public static bool IsSuccess(byte[] answer)
    {
        using var stream = new MemoryStream(answer);
        var document = XDocument.Load(stream);
        return (string?)document.Root?.Element("returncode") == "SUCCESS";
    }

    public void Dispose() => _server.Dispose();
}
