using System.Net.Http.Headers;
using Mconf.Mock.Api;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using Mconf.Spec.Signing;
using WireMock;

namespace Mconf.Mock.Replay;

/// <summary>Record mode: the fake as a proxy in front of a real server. A request's checksum is checked against
/// the fake's secret (a bad one is answered locally, never forwarded), then the request is re-signed for the real
/// server with its secret (same hash, same raw query, so encodings survive) and forwarded; the answer goes back to
/// the client unchanged and is stored with the secrets and checksums redacted. setConfigXML signs its form body,
/// which is forwarded as is (so it only works when both secrets are equal).</summary>
internal sealed class RecordingProxy : IDisposable
{
    private readonly HttpClient _http;
    private readonly ApiEndpoint _real;
    private readonly string _realSecret;
    private readonly ApiContext _context;
    private readonly FixtureFolder _folder;
    private readonly Action<string> _log;

    public RecordingProxy(FakeServerOptions options, ApiContext context, Action<string> log)
    {
        _real = ApiEndpoint.Parse(options.RecordFrom!);
        _realSecret = options.RecordSecret!;
        _context = context;
        _folder = new FixtureFolder(options.RecordTo!);
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public FixtureFolder Folder => _folder;

    public async Task<IResponseMessage> Answer(IRequestMessage req)
    {
        var scope = RequestScope.Current;
        var rawPath = scope?.RawPath ?? req.Path;
        var rawQuery = scope?.RawQuery ?? (req.RawQuery ?? "").TrimStart('?');
        var call = CallPath.CallOf(rawPath) ?? "";
        var given = ServerChecksum.Extract(rawQuery);
        var forwarded = rawQuery;
        if (!string.IsNullOrEmpty(given) && _context.Secret.Length > 0)
        {
            var check = ServerChecksum.Verify(call, rawQuery, _context.Secret, _context.Algorithms);
            if (!check.IsValid)
            {
                return ResponseFactory.Create(ReplayAnswers.ChecksumError(_context, call));
            }

            var stripped = ServerChecksum.Strip(rawQuery, given);
            var checksum = Checksum.Compute(call, stripped, _realSecret, check.Algorithm ?? ChecksumAlgorithm.Sha1);
            forwarded = stripped.Length == 0 ? "checksum=" + checksum : stripped + "&checksum=" + checksum;
        }

        var suffix = rawPath.Length > ApiRouter.ApiPath.Length ? rawPath[ApiRouter.ApiPath.Length..] : "";
        var target = _real.ApiRoot.AbsoluteUri.TrimEnd('/') + suffix + (forwarded.Length == 0 ? "" : "?" + forwarded);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(req.Method), new Uri(target));
            if (req.BodyAsBytes is { Length: > 0 } bytes)
            {
                request.Content = new ByteArrayContent(bytes);
                var type = req.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
                if (type is not null && MediaTypeHeaderValue.TryParse(type.ToString(), out var media))
                {
                    request.Content.Headers.ContentType = media;
                }
            }

            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            // Read before the body: reading it parses the header, after which HttpClient gives "text/xml; charset=utf-8".
            var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var types) ? types.ToString() : null;
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var location = response.Headers.Location?.OriginalString;
            var noCache = response.Headers.CacheControl?.NoCache == true;
            var exchange = new RecordedExchange(
                call,
                req.Method,
                [.. QueryString.Parse(rawQuery).Where(p => p.Key != "checksum").Select(p => new RecordedParameter(p.Key, Redact(p.Value)))],
                (int)response.StatusCode,
                contentType,
                location is null ? null : Redact(location),
                body.Length == 0 && req.Method == "HEAD" ? null : Redact(body));
            _folder.Write(exchange);
            return ResponseFactory.Create(new ApiAnswer((int)response.StatusCode, contentType, body.Length == 0 ? null : body, location, noCache));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _log($"fake: recording {call}: the real server did not answer: {ex.GetType().Name}: {Redact(ex.Message)}");
            return ResponseFactory.Create(new ApiAnswer(502, "text/plain;charset=utf-8", $"The fake (recording) could not reach the real server: {ex.GetType().Name}.", NoCache: true));
        }
    }

    private string Redact(string text) => Redactor.Redact(Redactor.Redact(text, _realSecret), _context.Secret);

    public void Dispose() => _http.Dispose();
}
