using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mconf.Conformance.TestTargets;

/// <summary>A raw HTTP/1.1 server on 127.0.0.1 in front of an upstream BBB (the fake): a socket of its own rather than
/// WireMock, so that a subclass can delay, hang, reset or stream without bounds. Subclasses answer each connection in
/// <see cref="ServeAsync"/>; this class accepts, reads request targets and stops.</summary>
public abstract class RawForwarder : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    /// <summary>Starts listening; <paramref name="upstreamBaseUrl"/>'s path is kept, so the API lives at the same path.</summary>
    protected RawForwarder(string upstreamBaseUrl, TimeSpan upstreamTimeout)
    {
        ArgumentNullException.ThrowIfNull(upstreamBaseUrl);
        Upstream = new Uri(upstreamBaseUrl.TrimEnd('/') + "/");
        Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = upstreamTimeout };
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{Upstream.AbsolutePath.TrimEnd('/')}";
    }

    public string BaseUrl { get; }

    protected Uri Upstream { get; }

    protected HttpClient Http { get; }

    protected CancellationTokenSource Stop { get; } = new();

    /// <summary>Accepts connections until disposed; called by the subclass once its own fields are set.</summary>
    protected async Task AcceptLoopAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(Stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    protected abstract Task ServeAsync(TcpClient client);

    /// <summary>The request target (path and query) of a GET, read up to the end of its headers (64 KB at most).</summary>
    protected static async Task<string?> ReadRequestTargetAsync(NetworkStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
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
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stop.Cancel();
            _listener.Stop();
            Http.Dispose();
            Stop.Dispose();
        }
    }
}
