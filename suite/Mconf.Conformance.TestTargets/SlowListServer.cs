using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mconf.Conformance.TestTargets;

/// <summary>A big server's slowness: a raw HTTP/1.1 forwarder on 127.0.0.1 in front of an upstream BBB (the fake) that
/// answers every unfiltered getRecordings (no meetingID) only after <see cref="Delay"/>, as a server with tens of
/// thousands of recordings does; every other request, scoped getRecordings included, is forwarded at once. Bodies
/// are streamed through, never held.</summary>
public sealed class SlowListServer : RawForwarder
{
    private long _delayed;

    private SlowListServer(string upstreamBaseUrl, TimeSpan delay)
        : base(upstreamBaseUrl, TimeSpan.FromMinutes(5))
    {
        Delay = delay;
        _ = AcceptLoopAsync();
    }

    public TimeSpan Delay { get; }

    /// <summary>How many unfiltered getRecordings were delayed.</summary>
    public long Delayed => Interlocked.Read(ref _delayed);

    public static SlowListServer Start(string upstreamBaseUrl, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(upstreamBaseUrl);
        return new SlowListServer(upstreamBaseUrl, delay);
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

                var parts = target.Split('?', 2);
                var unfiltered = MutatingProxy.CallName(parts[0]) == "getRecordings"
                    && !(parts.Length > 1 && parts[1].Split('&').Any(p => p.StartsWith("meetingID=", StringComparison.Ordinal) && p.Length > "meetingID=".Length));
                if (unfiltered)
                {
                    Interlocked.Increment(ref _delayed);
                    await Task.Delay(Delay, Stop.Token).ConfigureAwait(false);
                }

                using var response = await Http.GetAsync(Upstream.GetLeftPart(UriPartial.Authority) + target, HttpCompletionOption.ResponseHeadersRead, Stop.Token).ConfigureAwait(false);
                var head = new StringBuilder()
                    .Append("HTTP/1.1 ").Append((int)response.StatusCode).Append(" X\r\n")
                    .Append("Content-Type: ").Append(response.Content.Headers.ContentType?.ToString() ?? "text/plain").Append("\r\n");
                if (response.Headers.Location is { } location)
                {
                    head.Append("Location: ").Append(location).Append("\r\n");
                }

                head.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Stop.Token).ConfigureAwait(false);
                await using var body = await response.Content.ReadAsStreamAsync(Stop.Token).ConfigureAwait(false);
                await body.CopyToAsync(stream, Stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
            {
                // The client went away or the server stops.
            }
        }
    }
}
