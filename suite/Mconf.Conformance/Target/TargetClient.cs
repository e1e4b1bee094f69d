using System.Net.Http.Headers;
using System.Text;
using Mconf.Conformance.Model;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Target;

/// <summary>HTTP access to the target's API: signs with the configured secret and algorithm, applies the request
/// timeout, and turns every answer into a redacted <see cref="Exchange"/>. Redirects are not followed, so a
/// join's 302 is observed as such.</summary>
public sealed class TargetClient : IDisposable
{
    /// <summary>Evidence bodies are capped so a huge answer cannot bloat a report.</summary>
    public const int EvidenceBodyLimit = 64 * 1024;

    private readonly HttpClient _http;
    private readonly string _secret;

    public TargetClient(RunOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Endpoint = ApiEndpoint.Parse(options.TargetUrl);
        _secret = options.Secret;
        Signer = new RequestSigner(options.Secret, options.Checksum);
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = options.RequestTimeout;
    }

    public RunOptions Options { get; }

    public ApiEndpoint Endpoint { get; }

    public RequestSigner Signer { get; }

    /// <summary>Redacts checksums and the secret from any text.</summary>
    public string Redact(string? text) => Redactor.Redact(text, _secret);

    /// <summary>A signed GET of <paramref name="call"/> with the parameters in the given order.</summary>
    public Task<ApiAnswer> CallAsync(string call, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return GetRawAsync(call, Signer.SignedQuery(call, parameters), cancellationToken);
    }

    /// <summary>A GET with a raw query exactly as given (no signing): for checksum cases and the API root.</summary>
    public Task<ApiAnswer> GetRawAsync(string call, string rawQuery, CancellationToken cancellationToken) =>
        SendAsync(call, HttpMethod.Get, Endpoint.CallUrl(call, rawQuery), null, cancellationToken);

    /// <summary>The signed query for <paramref name="parameters"/> signed with another secret or algorithm.</summary>
    public static string SignWith(string secret, ChecksumAlgorithm algorithm, string call, string rawQuery) =>
        new RequestSigner(secret, algorithm).Sign(call, rawQuery);

    public string Sign(string call, string rawQuery) => Signer.Sign(call, rawQuery);

    private async Task<ApiAnswer> SendAsync(string call, HttpMethod method, Uri url, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        var redactedUrl = Redact(url.AbsoluteUri);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransportFailure($"no answer within {Options.RequestTimeout.TotalSeconds:0.#} s to {method} {redactedUrl}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransportFailure($"no answer to {method} {redactedUrl}: {Redact(ex.Message)}", ex);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetString(bytes);
            var contentType = response.Content.Headers.ContentType?.ToString();
            var location = response.Headers.Location?.ToString();
            var shown = body.Length > EvidenceBodyLimit ? body[..EvidenceBodyLimit] + "\n[... truncated]" : body;
            var exchange = new Exchange(method.Method, redactedUrl, (int)response.StatusCode, contentType, Redact(shown),
                location is null ? null : Redact(location));
            return new ApiAnswer(call, exchange, body);
        }
    }

    public void Dispose() => _http.Dispose();
}
