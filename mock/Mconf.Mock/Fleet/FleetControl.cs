using System.Globalization;
using System.Text.Json;
using Mconf.Mock.Api;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using Mconf.Spec.Signing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock.Fleet;

/// <summary>A fleet's control over HTTP, on a port of its own (a server that refuses connections cannot be
/// reached on its own port): <c>GET /fleet</c> lists the servers (URL, secret, seed, outage, delay, requests
/// received); <c>POST /fleet/servers/{i}/down?mode=refuse|503|hang|failed</c>, <c>POST
/// /fleet/servers/{i}/slow?ms=N</c>, <c>POST /fleet/servers/{i}/up</c>, <c>POST /fleet/up</c> (all).
/// Errors: 404 unknown server, 400 bad argument, always <c>{"error": "..."}</c>.</summary>
internal sealed class FleetControl : IDisposable
{
    public const string Prefix = "/fleet";

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
        server.Given(Request.Create().WithPath(new ExactMatcher(Prefix), new WildcardMatcher(Prefix + "/*")).UsingAnyMethod())
            .WithTitle("Fleet control")
            .RespondWith(Response.Create().WithCallback(req => Answer(req, fleet)));
        return new FleetControl(server);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>Runs a fleet control request against <paramref name="fleet"/>; (status, JSON body).</summary>
    public static (int Status, object Body) Handle(FakeFleet fleet, string method, string path, string rawQuery)
    {
        var segments = path.TrimEnd('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = QueryString.Parse(rawQuery);
        string? Q(string name) => query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var get = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        var post = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
        switch (segments)
        {
            case ["fleet"] when get:
                return (200, fleet.Servers.Select((s, i) => View(i, s)).ToList());
            case ["fleet", "up"] when post:
                fleet.BringAllBack();
                return (200, fleet.Servers.Select((s, i) => View(i, s)).ToList());
            case ["fleet", "servers", var index, .. var rest]:
                if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= fleet.Count)
                {
                    return (404, new { error = $"No server '{index}'; the fleet has servers 0..{fleet.Count - 1}." });
                }

                var server = fleet[i];
                switch (rest)
                {
                    case [] when get:
                        return (200, View(i, server));
                    case ["down"] when post:
                        if (ParseOutage(Q("mode")) is not { } outage)
                        {
                            return (400, new { error = "mode must be refuse, 503, hang or failed." });
                        }

                        server.TakeDown(outage);
                        return (200, View(i, server));
                    case ["slow"] when post:
                        if (!int.TryParse(Q("ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                        {
                            return (400, new { error = "slow needs ms=N (0 or more milliseconds)." });
                        }

                        server.SlowDown(TimeSpan.FromMilliseconds(ms));
                        return (200, View(i, server));
                    case ["up"] when post:
                        server.BringBack();
                        return (200, View(i, server));
                }

                break;
        }

        return (405, new { error = $"{method} {path}: use GET {Prefix}, POST {Prefix}/up, GET {Prefix}/servers/{{i}}, POST {Prefix}/servers/{{i}}/down?mode=refuse|503|hang|failed, POST {Prefix}/servers/{{i}}/slow?ms=N or POST {Prefix}/servers/{{i}}/up." });
    }

    public static Outage? ParseOutage(string? mode) => mode?.ToLowerInvariant() switch
    {
        "refuse" or "refused" => Outage.Refuse,
        "503" or "status503" => Outage.Status503,
        "hang" => Outage.Hang,
        "failed" => Outage.Failed,
        _ => null,
    };

    private static object View(int index, FakeMconfServer server) => new
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

    private static ResponseMessage Answer(IRequestMessage req, FakeFleet fleet)
    {
        var (status, body) = Handle(fleet, req.Method, req.Path, (req.RawQuery ?? "").TrimStart('?'));
        return ResponseFactory.Create(new ApiResult(status, ApiResult.JsonContentType, JsonSerializer.Serialize(body, body.GetType(), RequestEndpoints.Json)));
    }
}
