using System.Net;
using System.Net.Sockets;
using Mconf.Mock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Conformance.Runner.Tests.Support;

/// <summary>Targets for the exit-code tests, all on loopback.</summary>
internal static class Targets
{
    /// <summary>A secret no fake uses by default, so a leak of it can only come from the runner.</summary>
    public const string DistinctSecret = "Tr4ce-Secret-9f3a7c";

    public static TestTarget MconfLive(string secret = BrokenTargets.Secret) =>
        BrokenTargets.Start(new FakeServerOptions { Port = 0, Secret = secret, Seed = 42, AutoConnect = true, Flavour = "mconf-live" });

    public static TestTarget PlainBbb09() =>
        BrokenTargets.Start(new FakeServerOptions { Port = 0, Secret = BrokenTargets.Secret, Seed = 42, AutoConnect = true, Flavour = "bbb-0.9" });

    /// <summary>A loopback URL where nothing listens: a port the OS handed out and that was closed again.</summary>
    public static string UnreachableUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/bigbluebutton";
    }

    /// <summary>A web server answering an HTML page to everything, as a wrong URL (a landing page) does.</summary>
    public static WireMockServer HtmlPage()
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "text/html; charset=utf-8")
                .WithBody("<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>"));
        return server;
    }
}
