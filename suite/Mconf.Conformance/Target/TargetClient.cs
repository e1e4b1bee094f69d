using System.Net.Http.Headers;
using System.Text;
using Mconf.Conformance.Model;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Target;

/// <summary>HTTP access to the target's API: signs with the configured secret and algorithm, applies a budget to the
/// whole exchange (the request timeout, or the list-call budget for an unfiltered list; raised when the preflight
/// measured a slow target), reads at most <see cref="RunOptions.MaxBodyBytes"/> of a buffered answer (a streamed
/// list answer keeps only a <see cref="ListSample"/>), and turns every answer into a redacted
/// <see cref="Exchange"/>. An answer over a budget throws <see cref="BudgetExceeded"/> (the case is inconclusive);
/// one that breaks off throws <see cref="TransportFailure"/>. Redirects are never followed (so a join's 302 is
/// observed as such, and no request ever leaves the target's host). The slowest exchanges are kept in
/// <see cref="Timings"/>.</summary>
internal sealed class TargetClient : IDisposable
{
    /// <summary>Evidence bodies are capped so a huge answer cannot bloat a report.</summary>
    public const int EvidenceBodyLimit = 64 * 1024;

    /// <summary>A streamed list answer is read to its end up to this size (or <see cref="RunOptions.MaxBodyBytes"/> if
    /// larger): it costs time, not memory.</summary>
    public const long StreamedBodyLimit = 2L * 1024 * 1024 * 1024;

    /// <summary>A target this slow to answer the preflight gets this many times its latency per call.</summary>
    public const int LatencyFactor = 20;

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

    /// <summary>The slowest exchanges of the run and how many requests were sent.</summary>
    public CallTimings Timings { get; } = new();

    /// <summary>The target's latency measured by the preflight (null before it ran).</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>Budget of a call: the request timeout, or <see cref="LatencyFactor"/> times the measured latency of a
    /// slower target.</summary>
    public TimeSpan CallBudget => Latency is { } latency && latency * LatencyFactor > Options.RequestTimeout ? latency * LatencyFactor : Options.RequestTimeout;

    /// <summary>Budget of an unfiltered list call (getRecordings, getStats without meetingID, getMeetings).</summary>
    public TimeSpan ListCallBudget => Options.ListCallTimeout > CallBudget ? Options.ListCallTimeout : CallBudget;

    /// <summary>What the run learnt of the target's speed, for the reports.</summary>
    public TargetTimings Summary() => new(Latency, CallBudget, ListCallBudget, Timings.Requests, Timings.Slowest);

    /// <summary>Set by the preflight from its own measured calls.</summary>
    internal void MeasuredLatency(TimeSpan latency) => Latency = latency;

    /// <summary>An unfiltered list: the answer grows with the server (getRecordings or getStats without a meetingID
    /// selection, getMeetings), so it gets <see cref="ListCallBudget"/>.</summary>
    public static bool IsListCall(string call, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return call switch
        {
            "getMeetings" => true,
            "getRecordings" or "getStats" => !parameters.Any(p => p.Key == "meetingID" && !string.IsNullOrEmpty(p.Value)),
            _ => false,
        };
    }

    /// <summary>Redacts checksums and the secret from any text.</summary>
    public string Redact(string? text) => Redactor.Redact(text, _secret);

    /// <summary>A signed GET of <paramref name="call"/> with the parameters in the given order.</summary>
    public Task<ApiAnswer> CallAsync(string call, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        return SendAsync(call, Endpoint.CallUrl(call, Signer.SignedQuery(call, list)), IsListCall(call, list), null, cancellationToken);
    }

    /// <summary>A signed GET whose answer is read as a stream keeping only <paramref name="sample"/>: memory stays
    /// bounded however large the list is. The answer's <see cref="ApiAnswer.Counts"/> count every item.</summary>
    public Task<ApiAnswer> CallStreamedAsync(string call, IEnumerable<KeyValuePair<string, string?>> parameters, ListSample sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sample);
        var list = parameters.ToList();
        return SendAsync(call, Endpoint.CallUrl(call, Signer.SignedQuery(call, list)), IsListCall(call, list), sample, cancellationToken);
    }

    /// <summary>A GET with a raw query exactly as given (no signing): for checksum cases and the API root.</summary>
    public Task<ApiAnswer> GetRawAsync(string call, string rawQuery, CancellationToken cancellationToken) =>
        SendAsync(call, Endpoint.CallUrl(call, rawQuery), IsListCall(call, QueryString.Parse(rawQuery).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))), null, cancellationToken);

    /// <summary>The signed query for <paramref name="rawQuery"/> signed with another secret or algorithm.</summary>
    public static string SignWith(string secret, ChecksumAlgorithm algorithm, string call, string rawQuery) =>
        new RequestSigner(secret, algorithm).Sign(call, rawQuery);

    public string Sign(string call, string rawQuery) => Signer.Sign(call, rawQuery);

    private async Task<ApiAnswer> SendAsync(string call, Uri url, bool listCall, ListSample? sample, CancellationToken cancellationToken)
    {
        var method = HttpMethod.Get;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        var redactedUrl = Redact(url.AbsoluteUri);
        await RequestMeter.Of(this).WaitAsync(cancellationToken).ConfigureAwait(false);
        var (budget, option) = listCall
            ? (ListCallBudget, "--list-timeout SECONDS (the budget of an unfiltered list call)")
            : (CallBudget, "--timeout SECONDS");
        var started = Options.Time.GetTimestamp();
        long bytes = 0;
        var ended = "answered";
        try
        {
            // One deadline for the whole exchange, body included: a target that sends headers and then trickles or
            // hangs is cut off as surely as one that never answers.
            using var deadline = new CancellationTokenSource(budget, Options.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BudgetExceeded($"no answer within {Seconds(budget)} to {method} {redactedUrl}", option, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new TransportFailure($"no answer to {method} {redactedUrl}: {Redact(ex.Message)}", ex);
            }

            using (response)
            {
                string body;
                IReadOnlyDictionary<string, long>? counts = null;
                if (sample is null)
                {
                    var read = await ReadBodyAsync(response, method, redactedUrl, budget, option, linked.Token, cancellationToken).ConfigureAwait(false);
                    bytes = read.Length;
                    body = Encoding.UTF8.GetString(read.Span);
                }
                else
                {
                    var streamed = await ReadSampleAsync(response, method, redactedUrl, sample, budget, option, linked.Token, cancellationToken).ConfigureAwait(false);
                    (body, bytes, counts) = (streamed.Body, streamed.Bytes, streamed.Counts);
                }

                var contentType = response.Content.Headers.ContentType?.ToString();
                var location = response.Headers.Location is { } target ? new Uri(url, target).AbsoluteUri : null;
                var shown = body.Length > EvidenceBodyLimit ? body[..EvidenceBodyLimit] + "\n[... truncated]" : body;
                var exchange = new Exchange(method.Method, redactedUrl, (int)response.StatusCode, contentType, Redact(shown),
                    location is null ? null : Redact(location));
                return new ApiAnswer(call, exchange, body) { Counts = counts ?? ApiAnswer.NoCounts, Bytes = bytes };
            }
        }
        catch (BudgetExceeded ex)
        {
            ended = ex.Option.Split(' ')[0] + " reached";
            throw;
        }
        catch (TransportFailure)
        {
            ended = "broke off";
            throw;
        }
        finally
        {
            Timings.Add(new CallTiming(call, $"{method} {redactedUrl}", Options.Time.GetElapsedTime(started), bytes, ended));
        }
    }

    private async Task<ListSampleReader.Result> ReadSampleAsync(HttpResponseMessage response, HttpMethod method, string redactedUrl, ListSample sample,
        TimeSpan budget, string option, CancellationToken token, CancellationToken caller)
    {
        var total = Math.Max(Options.MaxBodyBytes, StreamedBodyLimit);
        long read = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            var result = await ListSampleReader.ReadAsync(stream, sample, Options.MaxBodyBytes, total,
                (length, what) =>
                {
                    read = length;
                    return new BodyLimitExceeded($"an answer whose {what} is over the {Megabytes(what == "answer" ? total : Options.MaxBodyBytes)} body limit to {method} {redactedUrl}; cut off after {length} bytes");
                }, token).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException ex) when (!caller.IsCancellationRequested)
        {
            throw new BudgetExceeded($"the answer to {method} {redactedUrl} did not complete within {Seconds(budget)}", option, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new TransportFailure($"the answer to {method} {redactedUrl} broke off after {read} bytes: {Redact(ex.Message)}", ex);
        }
    }

    private static string Seconds(TimeSpan budget) => $"{budget.TotalSeconds:0.#} s";

    /// <summary>Reads the body as a stream, never more than <see cref="RunOptions.MaxBodyBytes"/>: an endless or huge
    /// answer costs bounded memory and makes the case inconclusive saying so (<c>--max-body</c>). The body is kept in 64 KB chunks (small-object
    /// heap, so a cut-off answer leaves no large-object fragmentation behind), and past the first megabyte a reader
    /// must hold the client's one large-answer lane: however many cases run at once, at most one answer grows
    /// towards the limit.</summary>
    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, string redactedUrl,
        TimeSpan budget, string option, CancellationToken token, CancellationToken caller)
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
            throw new BudgetExceeded($"the answer to {method} {redactedUrl} did not complete within {Seconds(budget)} ({length} bytes received)", option, ex);
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
