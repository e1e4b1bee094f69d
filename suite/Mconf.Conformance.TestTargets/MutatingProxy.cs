using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Conformance.TestTargets;

/// <summary>A WireMock.Net server on 127.0.0.1 that forwards every request to an upstream BBB base URL (same path
/// and raw query) and applies <see cref="Mutation"/>s on the way. <see cref="BaseUrl"/> has the upstream's path, so
/// the suite sees an ordinary BBB server.</summary>
public sealed class MutatingProxy : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Uri _upstream;
    private readonly IReadOnlyList<Mutation> _mutations;

    private MutatingProxy(Uri upstream, IReadOnlyList<Mutation> mutations)
    {
        _upstream = upstream;
        _mutations = mutations;
        var port = FreePort();
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(ForwardAsync));
        BaseUrl = $"http://127.0.0.1:{port}{upstream.AbsolutePath.TrimEnd('/')}";
    }

    public WireMockServer Server { get; }

    /// <summary>The proxy's base URL, e.g. <c>http://127.0.0.1:PORT/bigbluebutton</c>.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<Mutation> Mutations => _mutations;

    public static MutatingProxy Start(string upstreamBaseUrl, params Mutation[] mutations)
    {
        ArgumentNullException.ThrowIfNull(upstreamBaseUrl);
        return new MutatingProxy(new Uri(upstreamBaseUrl.TrimEnd('/') + "/"), mutations);
    }

    private async Task<IResponseMessage> ForwardAsync(IRequestMessage message)
    {
        var path = message.AbsolutePath;
        var request = new ProxyRequest(CallName(path), message.Method, path, (message.RawQuery ?? "").TrimStart('?'));
        foreach (var mutation in _mutations)
        {
            if (mutation.Request is not null)
            {
                request = mutation.Request(request);
            }
        }

        ProxyResponse? answer = null;
        foreach (var mutation in _mutations)
        {
            answer ??= mutation.Answer?.Invoke(request);
        }

        answer ??= await SendUpstreamAsync(request, message).ConfigureAwait(false);
        foreach (var mutation in _mutations)
        {
            if (mutation.Response is not null)
            {
                answer = mutation.Response(request, answer);
            }
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", answer.ContentType ?? "text/plain");
        if (answer.Location is not null)
        {
            response.AddHeader("Location", answer.Location);
        }

        return response;
    }

    private async Task<ProxyResponse> SendUpstreamAsync(ProxyRequest request, IRequestMessage message)
    {
        var origin = _upstream.GetLeftPart(UriPartial.Authority);
        var url = origin + request.Path + (request.RawQuery.Length > 0 ? "?" + request.RawQuery : "");
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), url);
        if (message.BodyAsBytes is { Length: > 0 } body)
        {
            forward.Content = new ByteArrayContent(body);
            if (message.Headers?.TryGetValue("Content-Type", out var type) == true && type.Count > 0)
            {
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", type[0]);
            }
        }

        using var response = await _http.SendAsync(forward).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new ProxyResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response.Headers.Location?.ToString());
    }

    /// <summary>The API call of a path like <c>/bigbluebutton/api/getMeetings</c>; "" for the API root.</summary>
    public static string CallName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.TrimEnd('/');
        var index = trimmed.LastIndexOf("/api", StringComparison.Ordinal);
        if (index < 0)
        {
            return trimmed[(trimmed.LastIndexOf('/') + 1)..];
        }

        var rest = trimmed[(index + 4)..].TrimStart('/');
        return rest;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _http.Dispose();
    }
}
