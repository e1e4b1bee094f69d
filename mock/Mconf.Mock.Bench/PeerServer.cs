using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock.Bench;

/// <summary>The peer: a plain WireMock.Net server on 127.0.0.1 with one static stub per call path, answering the
/// same bytes as the floor. It is what a hand-written WireMock mock of the API would cost; the fake, built on
/// WireMock too, adds request checks, signing and a state engine on top.</summary>
internal sealed class PeerServer : IDisposable
{
    private readonly WireMockServer _server;

    private PeerServer(WireMockServer server) => _server = server;

    public Uri BaseAddress { get; private init; } = null!;

    /// <summary>Requests held in WireMock's journal right now.</summary>
    public int JournalCount => _server.LogEntries.Count();

    /// <summary>Starts a peer whose stub answers GET <paramref name="path"/> with <paramref name="answer"/>.
    /// <paramref name="journalLimit"/> null leaves WireMock's default (an unbounded journal);
    /// <paramref name="adminInterface"/> turns WireMock's admin interface on (off for the peer of the ratios).</summary>
    public static PeerServer Start(string path, FixedAnswer answer, int? journalLimit, bool adminInterface = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = adminInterface,
            MaxRequestLogCount = journalLimit,
            Logger = new WireMockNullLogger(),
        });
        server
            .Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", answer.ContentType)
                .WithBody(answer.Body));
        return new PeerServer(server) { BaseAddress = new Uri(server.Url!) };
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
