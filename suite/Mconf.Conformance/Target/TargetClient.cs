using System.Net.Http.Headers;
using System.Text;
using Mconf.Conformance.Model;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Target;

/// <summary>HTTP access to the target's API: signs with the configured secret and algorithm, applies the request
/// timeout to the whole exchange, reads at most <see cref="RunOptions.MaxBodyBytes"/> of any answer, and turns every
/// answer into a redacted <see cref="Exchange"/>. Redirects are never followed (so a join's 302 is observed as such,
/// and no request ever leaves the target's host).</summary>
public sealed class TargetClient : IDisposable
{
    /// <summary>Evidence bodies are capped so a huge answer cannot bloat a report.</summary>
    public const int EvidenceBodyLimit = 64 * 1024;

    private const int ChunkSize = 64 * 1024;
    private const long LargeAnswer = 1024 * 1024;

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _largeAnswerLane = new(1, 1);
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
        // The deadline of each exchange (body included) is the run's own, on the run's clock.
        _http.Timeout = Timeout.InfiniteTimeSpan;
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
        await RequestMeter.Of(this).WaitAsync(cancellationToken).ConfigureAwait(false);
        // One deadline for the whole exchange, body included: a target that sends headers and then trickles or
        // hangs is cut off as surely as one that never answers.
        using var deadline = new CancellationTokenSource(Options.RequestTimeout, Options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransportFailure($"no answer within {Options.RequestTimeout.TotalSeconds:0.#} s to {method} {redactedUrl}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransportFailure($"no answer to {method} {redactedUrl}: {Redact(ex.Message)}", ex);
        }

        using (response)
        {
            var bytes = await ReadBodyAsync(response, method, redactedUrl, linked.Token, cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetString(bytes.Span);
            var contentType = response.Content.Headers.ContentType?.ToString();
            var location = response.Headers.Location is { } target ? new Uri(url, target).AbsoluteUri : null;
            var shown = body.Length > EvidenceBodyLimit ? body[..EvidenceBodyLimit] + "\n[... truncated]" : body;
            var exchange = new Exchange(method.Method, redactedUrl, (int)response.StatusCode, contentType, Redact(shown),
                location is null ? null : Redact(location));
            return new ApiAnswer(call, exchange, body);
        }
    }

    /// <summary>Reads the body as a stream, never more than <see cref="RunOptions.MaxBodyBytes"/>: an endless or huge
    /// answer costs bounded memory and fails the case saying so. The body is kept in 64 KB chunks (small-object
    /// heap, so a cut-off answer leaves no large-object fragmentation behind), and past the first megabyte a reader
    /// must hold the client's one large-answer lane: however many cases run at once, at most one answer grows
    /// towards the limit.</summary>
    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, string redactedUrl,
        CancellationToken token, CancellationToken caller)
    {
        var limit = Options.MaxBodyBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new BodyLimitExceeded($"an answer over the {Megabytes(limit)} body limit (Content-Length {declared} bytes) to {method} {redactedUrl}; not read");
        }

        var chunks = new List<byte[]>();
        long length = 0;
        var fill = ChunkSize;
        var laneHeld = false;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            while (true)
            {
                if (fill == ChunkSize)
                {
                    if (length >= LargeAnswer && !laneHeld)
                    {
                        await _largeAnswerLane.WaitAsync(token).ConfigureAwait(false);
                        laneHeld = true;
                    }

                    chunks.Add(new byte[ChunkSize]);
                    fill = 0;
                }

                var read = await stream.ReadAsync(chunks[^1].AsMemory(fill), token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                fill += read;
                length += read;
                if (length > limit)
                {
                    throw new BodyLimitExceeded($"an answer over the {Megabytes(limit)} body limit to {method} {redactedUrl}; cut off after {length} bytes");
                }
            }
        }
        catch (OperationCanceledException ex) when (!caller.IsCancellationRequested)
        {
            throw new TransportFailure($"the answer to {method} {redactedUrl} did not complete within {Options.RequestTimeout.TotalSeconds:0.#} s ({length} bytes received)", ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new TransportFailure($"the answer to {method} {redactedUrl} broke off after {length} bytes: {Redact(ex.Message)}", ex);
        }
        finally
        {
            if (laneHeld)
            {
                _largeAnswerLane.Release();
            }
        }

        var body = new byte[length];
        var at = 0;
        foreach (var chunk in chunks)
        {
            var size = (int)Math.Min(chunk.Length, length - at);
            chunk.AsSpan(0, size).CopyTo(body.AsSpan(at));
            at += size;
        }

        return body;
    }

    private static string Megabytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";

    public void Dispose()
    {
        _http.Dispose();
        _largeAnswerLane.Dispose();
    }
}
