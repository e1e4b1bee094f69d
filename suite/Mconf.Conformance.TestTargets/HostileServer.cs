using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mconf.Conformance.TestTargets;

/// <summary>How a <see cref="HostileServer"/> answers its one hostile call.</summary>
public enum Hostility
{
    /// <summary>Accepts the request and never answers.</summary>
    Hang,

    /// <summary>Resets the connection (TCP RST) instead of answering.</summary>
    Reset,

    /// <summary>Sends headers, then an endless body (no Content-Length) as fast as the client reads.</summary>
    Endless,

    /// <summary>A 200 MB body with its Content-Length.</summary>
    Huge,

    /// <summary>A 200 MB body without a Content-Length (read until the connection closes).</summary>
    HugeUndeclared,

    /// <summary>Sends headers and a first line, then a byte now and then, never finishing.</summary>
    Trickle,

    /// <summary>A BBB-looking answer that declares a DTD with an entity.</summary>
    Dtd,

    /// <summary>A 302 to another host (<see cref="HostileServer.RedirectTo"/>).</summary>
    RedirectOffHost,
}

/// <summary>A raw HTTP/1.1 server on 127.0.0.1 in front of an upstream BBB (the fake): every request is forwarded,
/// except those of one call (<c>""</c> is the API root), or of every call but the API root and getMeetings with
/// <c>"*"</c> (the preflight passes, then the target turns hostile), which get a <see cref="Hostility"/>. A socket of
/// its own (not WireMock) so that it can hang, reset and stream without bounds.</summary>
public sealed class HostileServer : RawForwarder
{
    public const long HugeBytes = 200L * 1024 * 1024;

    private long _hostileRequests;

    private HostileServer(string upstreamBaseUrl, string call, Hostility how, string? redirectTo)
        : base(upstreamBaseUrl, TimeSpan.FromSeconds(30))
    {
        Call = call;
        How = how;
        RedirectTo = redirectTo ?? "http://conformance-elsewhere.invalid/bigbluebutton/api/join";
        _ = AcceptLoopAsync();
    }

    public string Call { get; }

    public Hostility How { get; }

    public string RedirectTo { get; }

    /// <summary>How many requests got the hostile treatment.</summary>
    public long HostileRequests => Interlocked.Read(ref _hostileRequests);

    public static HostileServer Start(string upstreamBaseUrl, string call, Hostility how, string? redirectTo = null)
    {
        ArgumentNullException.ThrowIfNull(upstreamBaseUrl);
        return new HostileServer(upstreamBaseUrl, call, how, redirectTo);
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var target = await ReadRequestTargetAsync(stream).ConfigureAwait(false);
                if (target is null)
                {
                    return;
                }

                var path = target.Split('?', 2)[0];
                var call = MutatingProxy.CallName(path);
                if (Call == "*" ? call is "" or "getMeetings" : call != Call)
                {
                    await ForwardAsync(stream, target).ConfigureAwait(false);
                    return;
                }

                Interlocked.Increment(ref _hostileRequests);
                await MisbehaveAsync(client, stream).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
            {
                // The client went away (it cut a hostile answer off): nothing more to do.
            }
        }
    }

    private async Task MisbehaveAsync(TcpClient client, NetworkStream stream)
    {
        var token = Stop.Token;
        switch (How)
        {
            case Hostility.Hang:
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                break;
            case Hostility.Reset:
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                break;
            case Hostility.Endless:
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n<response><returncode>SUCCESS</returncode><meetings>").ConfigureAwait(false);
                await FloodAsync(stream, long.MaxValue, token).ConfigureAwait(false);
                break;
            case Hostility.Huge:
                await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {HugeBytes}\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
                await FloodAsync(stream, HugeBytes, token).ConfigureAwait(false);
                break;
            case Hostility.HugeUndeclared:
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
                await FloodAsync(stream, HugeBytes, token).ConfigureAwait(false);
                break;
            case Hostility.Trickle:
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n<response>").ConfigureAwait(false);
                while (!token.IsCancellationRequested)
                {
                    await Task.Delay(500, token).ConfigureAwait(false);
                    await WriteAsync(stream, " ").ConfigureAwait(false);
                }

                break;
            case Hostility.Dtd:
                await WriteAnswerAsync(stream, 200, "text/xml",
                    "<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY x \"SUCCESS\">]><response><returncode>&x;</returncode></response>", null).ConfigureAwait(false);
                break;
            case Hostility.RedirectOffHost:
                await WriteAnswerAsync(stream, 302, "text/html", "", RedirectTo).ConfigureAwait(false);
                break;
        }
    }

    private static async Task FloodAsync(NetworkStream stream, long bytes, CancellationToken token)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<meeting><meetingID>flood</meetingID></meeting>", 1400)));
        for (long sent = 0; sent < bytes && !token.IsCancellationRequested; sent += chunk.Length)
        {
            var size = (int)Math.Min(chunk.Length, bytes - sent);
            await stream.WriteAsync(chunk.AsMemory(0, size), token).ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync(NetworkStream stream, string target)
    {
        var origin = Upstream.GetLeftPart(UriPartial.Authority);
        using var response = await Http.GetAsync(origin + target, Stop.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(Stop.Token).ConfigureAwait(false);
        await WriteAnswerAsync(stream, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "text/plain", body,
            response.Headers.Location?.ToString()).ConfigureAwait(false);
    }

    private static async Task WriteAnswerAsync(NetworkStream stream, int status, string contentType, string body, string? location)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(status).Append(status == 302 ? " Found" : " OK").Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(bytes.Length).Append("\r\n");
        if (location is not null)
        {
            head.Append("Location: ").Append(location).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await WriteAsync(stream, head.ToString()).ConfigureAwait(false);
        await stream.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();
}
