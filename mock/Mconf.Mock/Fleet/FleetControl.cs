using Mconf.Mock.Control;
using Mconf.Mock.Wiring;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock.Fleet;

/// <summary>A fleet's control over HTTP, on a port of its own (a server that refuses connections cannot be
/// reached on its own port): <c>GET /fleet</c> lists the servers (URL, secret, seed, outage, delay, requests
/// received); <c>POST /fleet/servers/{i}/down?mode=refuse|503|hang|failed</c>, <c>POST
/// /fleet/servers/{i}/slow?ms=N</c>, <c>POST /fleet/servers/{i}/up</c>, <c>POST /fleet/up</c> (all); routed by
/// <see cref="ControlRoutes.ForFleet"/>. Errors: 404 unknown server, 400 bad argument, always
/// <c>{"error": "..."}</c>.</summary>
internal sealed class FleetControl : IDisposable
{
    public const string Prefix = ControlRoutes.FleetArea;

    private readonly WireMockServer _server;

    private FleetControl(WireMockServer server)
    {
        _server = server;
        Url = $"http://127.0.0.1:{server.Port}{Prefix}";
    }

    public string Url { get; }

    public static FleetControl Start(FakeFleet fleet, int port)
    {
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
        });
        ControlMappings.RegisterFleet(server, ControlRoutes.ForFleet(fleet));
        return new FleetControl(server);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    public static Outage? ParseOutage(string? mode) => mode?.ToLowerInvariant() switch
    {
        "refuse" or "refused" => Outage.Refuse,
        "503" or "status503" => Outage.Status503,
        "hang" => Outage.Hang,
        "failed" => Outage.Failed,
        _ => null,
    };

    internal static object View(int index, FakeMconfServer server) => new
    {
        index,
        url = server.BaseUrl,
        secret = server.Secret,
        seed = server.Options.Seed,
        port = server.Port,
        outage = server.Outage switch
        {
            Outage.None => "none",
            Outage.Refuse => "refuse",
            Outage.Status503 => "503",
            Outage.Hang => "hang",
            _ => "failed",
        },
        delayMs = (long)server.Delay.TotalMilliseconds,
        requests = server.RequestsReceived,
    };
}
