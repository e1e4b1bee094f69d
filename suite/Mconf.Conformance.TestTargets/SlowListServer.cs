using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mconf.Conformance.TestTargets;

/// <summary>A big server's slowness: a raw HTTP/1.1 forwarder on 127.0.0.1 in front of an upstream BBB (the fake) that
/// answers every unfiltered getRecordings (no meetingID) only after <see cref="Delay"/>, as a server with tens of
/// thousands of recordings does; every other request, scoped getRecordings included, is forwarded at once. Bodies
/// are streamed through, never held.</summary>
public sealed class SlowListServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
    private readonly Uri _upstream;
    private long _delayed;

    private SlowListServer(string upstreamBaseUrl, TimeSpan delay)
    {
        _upstream = new Uri(upstreamBaseUrl.TrimEnd('/') + "/");
        Delay = delay;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{_upstream.AbsolutePath.TrimEnd('/')}";
        _ = AcceptLoopAsync();
    }

    public string BaseUrl { get; }

    public TimeSpan Delay { get; }

    /// <summary>How many unfiltered getRecordings were delayed.</summary>
    public long Delayed => Interlocked.Read(ref _delayed);

    public static SlowListServer Start(string upstreamBaseUrl, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(upstreamBaseUrl);
        return new SlowListServer(upstreamBaseUrl, delay);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
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
                    await Task.Delay(Delay, _stop.Token).ConfigureAwait(false);
                }

                using var response = await _http.GetAsync(_upstream.GetLeftPart(UriPartial.Authority) + target, HttpCompletionOption.ResponseHeadersRead, _stop.Token).ConfigureAwait(false);
                var head = new StringBuilder()
                    .Append("HTTP/1.1 ").Append((int)response.StatusCode).Append(" X\r\n")
                    .Append("Content-Type: ").Append(response.Content.Headers.ContentType?.ToString() ?? "text/plain").Append("\r\n");
                if (response.Headers.Location is { } location)
                {
                    head.Append("Location: ").Append(location).Append("\r\n");
                }

                head.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token).ConfigureAwait(false);
                await using var body = await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false);
                await body.CopyToAsync(stream, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
            {
                // The client went away or the server stops.
            }
        }
    }

    /// <summary>The request target (path and query) of a GET, read up to the end of its headers (64 KB at most).</summary>
    private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var line = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                return line.Length >= 2 ? line[1] : null;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _http.Dispose();
        _stop.Dispose();
    }
}
