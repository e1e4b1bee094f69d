using System.Globalization;
using System.Net;

namespace Mconf.Sample.Client;

/// <summary>A small typed client of the Mconf-Live API (BigBlueButton 0.9 plus Mconf's guest, metadata filters
/// and getStats). Every call: build the query, sign it, GET it, read the XML. Retries 5xx answers and dropped
/// connections, gives up on a slow server after <see cref="MconfClientOptions.Timeout"/>.</summary>
public sealed class MconfClient
{
    private readonly HttpClient _http;
    private readonly MconfClientOptions _options;
    private readonly IQuerySigner _signer;
    private readonly Uri _apiRoot;

    public MconfClient(HttpClient http, MconfClientOptions options, IQuerySigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _signer = signer ?? new Sha1QuerySigner(options.Secret);
        var path = options.BaseUrl.AbsolutePath.TrimEnd('/');
        _apiRoot = new Uri(options.BaseUrl, path.EndsWith("/api", StringComparison.Ordinal) ? path + "/" : path + "/api/");
    }

    public async Task<CreatedMeeting> CreateMeetingAsync(CreateMeetingRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new List<(string, string?)>
        {
            ("name", request.Name),
            ("meetingID", request.MeetingId),
            ("attendeePW", request.AttendeePassword),
            ("moderatorPW", request.ModeratorPassword),
            ("record", request.Record ? "true" : null),
        };
        parameters.AddRange(request.Metadata.Select(m => ("meta_" + m.Key, (string?)m.Value)));
        var answer = await CallAsync("create", parameters, cancellation).ConfigureAwait(false);
        return new CreatedMeeting(
            answer.Required("meetingID"),
            answer.Required("attendeePW"),
            answer.Required("moderatorPW"),
            XmlAnswer.Long(answer.Root, "createTime"),
            answer.Text("voiceBridge"),
            answer.Text("dialNumber"));
    }

    /// <summary>The URL to send the user's browser to (join redirects to the web client).</summary>
    public Uri JoinUrl(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Url("join", JoinParameters(request));
    }

    /// <summary>Registers the user without a browser (<c>redirect=false</c>), e.g. to check a join works.</summary>
    public async Task<JoinedUser> JoinAsync(JoinRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await CallAsync("join", [.. JoinParameters(request), ("redirect", "false")], cancellation).ConfigureAwait(false);
        return new JoinedUser(answer.Required("meeting_id"), answer.Required("user_id"), answer.Required("auth_token"));
    }

    public async Task<bool> IsMeetingRunningAsync(string meetingId, CancellationToken cancellation = default)
    {
        var answer = await CallAsync("isMeetingRunning", [("meetingID", meetingId)], cancellation).ConfigureAwait(false);
        return XmlAnswer.Flag(answer.Root, "running");
    }

    public async Task<MeetingInfo> GetMeetingInfoAsync(string meetingId, CancellationToken cancellation = default)
    {
        var answer = await CallAsync("getMeetingInfo", [("meetingID", meetingId)], cancellation).ConfigureAwait(false);
        var root = answer.Root;
        var attendees = root.Element("attendees")?.Elements("attendee").Select(a => new Attendee(
            XmlAnswer.Text(a, "userID") ?? "",
            XmlAnswer.Text(a, "fullName") ?? "",
            XmlAnswer.Text(a, "role") ?? "",
            XmlAnswer.Flag(a, "guest"),
            XmlAnswer.Flag(a, "waitingForAcceptance"),
            XmlAnswer.Flag(a, "isPresenter"),
            XmlAnswer.Flag(a, "isListeningOnly"),
            XmlAnswer.Flag(a, "hasJoinedVoice"),
            a.Element("videoStreams")?.Elements("streamName").Count() ?? 0)).ToList() ?? [];
        return new MeetingInfo(
            answer.Required("meetingID"),
            answer.Text("meetingName") ?? "",
            XmlAnswer.Flag(root, "running"),
            XmlAnswer.Number(root, "participantCount"),
            XmlAnswer.Number(root, "listenerCount"),
            XmlAnswer.Number(root, "voiceParticipantCount"),
            XmlAnswer.Number(root, "moderatorCount"),
            attendees);
    }

    /// <summary>Recordings of some meetings (all when null), keeping those whose metadata match every filter
    /// (Mconf-Live's <c>meta_&lt;name&gt;=value</c>).</summary>
    public async Task<IReadOnlyList<Recording>> GetRecordingsAsync(IEnumerable<string>? meetingIds = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellation = default)
    {
        var parameters = new List<(string, string?)> { ("meetingID", Join(meetingIds)) };
        parameters.AddRange((metadata ?? new Dictionary<string, string>()).Select(m => ("meta_" + m.Key, (string?)m.Value)));
        var answer = await CallAsync("getRecordings", parameters, cancellation).ConfigureAwait(false);
        return [.. answer.Root.Element("recordings")?.Elements("recording").Select(r => new Recording(
            XmlAnswer.Text(r, "recordID") ?? "",
            XmlAnswer.Text(r, "meetingID") ?? "",
            XmlAnswer.Text(r, "name") ?? "",
            XmlAnswer.Flag(r, "published"),
            XmlAnswer.Map(r.Element("metadata")))) ?? []];
    }

    /// <summary>Mconf-Live's getStats: past sessions of the given meetings (all when null).</summary>
    public async Task<IReadOnlyList<MeetingStats>> GetStatsAsync(IEnumerable<string>? meetingIds = null, CancellationToken cancellation = default)
    {
        var answer = await CallAsync("getStats", [("meetingID", Join(meetingIds))], cancellation).ConfigureAwait(false);
        return [.. answer.Root.Element("stats")?.Elements("meeting").Select(m => new MeetingStats(
            XmlAnswer.Text(m, "meetingID") ?? "",
            XmlAnswer.Text(m, "meetingName") ?? "",
            XmlAnswer.Text(m, "recordID"),
            XmlAnswer.Long(m, "startTime"),
            XmlAnswer.Long(m, "endTime"),
            [.. m.Element("participants")?.Elements("participant").Select(p => new StatsParticipant(
                XmlAnswer.Text(p, "userID") ?? "",
                XmlAnswer.Text(p, "userName") ?? "",
                XmlAnswer.Long(p, "joinTime"),
                XmlAnswer.Long(p, "leftTime"))) ?? []])) ?? []];
    }

    public async Task EndAsync(string meetingId, string moderatorPassword, CancellationToken cancellation = default) =>
        await CallAsync("end", [("meetingID", meetingId), ("password", moderatorPassword)], cancellation).ConfigureAwait(false);

    private static IEnumerable<(string, string?)> JoinParameters(JoinRequest r) =>
    [
        ("fullName", r.FullName),
        ("meetingID", r.MeetingId),
        ("password", r.Password),
        ("userID", r.UserId),
        ("guest", r.Guest ? "true" : null),
    ];

    private static string? Join(IEnumerable<string>? ids) => ids is null ? null : string.Join(',', ids);

    /// <summary>The signed URL: parameters encoded once (RFC 3986, so a space is %20), signed, sent as is.</summary>
    private Uri Url(string call, IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value!)));
        return new Uri(_apiRoot, call + "?" + _signer.Sign(call, query));
    }

    private async Task<XmlAnswer> CallAsync(string call, IEnumerable<(string Name, string? Value)> parameters, CancellationToken cancellation)
    {
        var url = Url(call, parameters);
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var response = await _http.GetAsync(url, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    if (attempt >= _options.MaxAttempts)
                    {
                        throw new MconfUnavailableException($"{call}: the server answered HTTP {status} {attempt} times.", status);
                    }
                }
                else if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new MconfProtocolException($"{call}: unexpected HTTP {status}.");
                }
                else
                {
                    return XmlAnswer.Read(call, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException ex) when (!cancellation.IsCancellationRequested)
            {
                throw new MconfTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{call}: no answer within {_options.Timeout.TotalSeconds:0.###} s."), ex);
            }
            catch (HttpRequestException ex)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new MconfUnavailableException($"{call}: the connection failed {attempt} times ({ex.Message}).", null, ex);
                }
            }

            await Task.Delay(delay, cancellation).ConfigureAwait(false);
            delay *= 2;
        }
    }
}
