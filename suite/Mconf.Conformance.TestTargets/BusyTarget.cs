using System.Globalization;
using Mconf.Mock;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>A busy production server in miniature: the fake, with other tenants acting in the background at a few
/// events per second (meetings created and ended, users joining, connecting and leaving, audio and webcam switches,
/// a second webcam now and then, guests, recordings finishing processing). Meetings are created and joined over the
/// BBB API, presence is driven through the fake's control surface, every choice from a seeded random. Meetings
/// whose ID starts with <see cref="SparedPrefix"/> (the suite's own) are never touched.</summary>
public sealed class BusyTarget : IDisposable
{
    public const string SparedPrefix = "mconf-conformance";

    private static readonly string[] Presenters = ["ann", "Ann", "bob", "carla"];
    private static readonly string[] Categories = ["math", "art", "music"];

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Random _random;
    private readonly TimeSpan _period;
    private readonly Task _loop;
    private int _meetings;
    private long _events;
    private long _refused;

    private BusyTarget(FakeMconfServer fake, int seed, TimeSpan period)
    {
        Fake = fake;
        _random = new Random(seed);
        _period = period;
        _loop = Task.Run(LoopAsync);
    }

    public FakeMconfServer Fake { get; }

    public string BaseUrl => Fake.BaseUrl;

    public string Secret => Fake.Secret;

    /// <summary>Background events that changed something so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events the fake refused (a user that had just left, a meeting that had just ended...).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The fake with <see cref="BrokenTargets.DefaultOptions"/> (auto-connected joins or not), busy at one
    /// event every <paramref name="period"/> (default 250 ms: four a second).</summary>
    public static BusyTarget Start(bool autoConnect, int seed = 7, TimeSpan? period = null)
    {
        var options = BrokenTargets.DefaultOptions();
        options.AutoConnect = autoConnect;
        return new BusyTarget(FakeMconfServer.Start(options), seed, period ?? TimeSpan.FromMilliseconds(250));
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_period, _stop.Token).ConfigureAwait(false);
                if (await ActAsync().ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _events);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or FakeControlException or InvalidOperationException or KeyNotFoundException)
            {
                // Another event got there first (the user left, the meeting ended): as on a real server.
                Interlocked.Increment(ref _refused);
            }
        }
    }

    /// <summary>One background event; false when there was nothing to act on.</summary>
    private async Task<bool> ActAsync()
    {
        var meetings = Fake.Control.GetState().Meetings.Where(m => !m.MeetingId.StartsWith(SparedPrefix, StringComparison.Ordinal)).ToList();
        var busy = meetings.Where(m => m.MeetingId.StartsWith("busy-", StringComparison.Ordinal)).ToList();
        var roll = _random.Next(100);
        if (busy.Count < 2 || roll < 8)
        {
            return await CreateAsync().ConfigureAwait(false);
        }

        if (roll < 14 && busy.Count > 3)
        {
            Fake.Control.EndMeeting(busy[_random.Next(busy.Count)].MeetingId);
            return true;
        }

        if (roll < 18)
        {
            return Fake.Control.ProcessRecordings().Count > 0;
        }

        var meeting = meetings[_random.Next(meetings.Count)];
        if (roll < 34)
        {
            return await JoinAsync(meeting.MeetingId, guest: _random.Next(5) == 0).ConfigureAwait(false);
        }

        var registered = meeting.Users.Where(u => !u.Connected).ToList();
        if (roll < 46 && registered.Count > 0)
        {
            Fake.Control.Connect(meeting.MeetingId, registered[_random.Next(registered.Count)].InternalUserId);
            return true;
        }

        var connected = meeting.Users.Where(u => u.Connected).ToList();
        if (connected.Count == 0)
        {
            return false;
        }

        var user = connected[_random.Next(connected.Count)];
        var id = user.InternalUserId;
        switch (roll)
        {
            case < 54:
                Fake.Control.Leave(meeting.MeetingId, id);
                break;
            case < 64:
                Fake.Control.SetVoice(meeting.MeetingId, id, !user.HasJoinedVoice);
                break;
            case < 70:
                Fake.Control.SetListenOnly(meeting.MeetingId, id, !user.IsListeningOnly);
                break;
            case < 84:
                // Sometimes a second webcam: the two readings of videoCount then differ.
                Fake.Control.StartWebcam(meeting.MeetingId, id);
                break;
            case < 94:
                Fake.Control.StopWebcam(meeting.MeetingId, id);
                break;
            default:
                if (user.WaitingForAcceptance)
                {
                    Fake.Control.ApproveGuest(meeting.MeetingId, id);
                }
                else
                {
                    Fake.Control.SetPresenter(meeting.MeetingId, id);
                }

                break;
        }

        return true;
    }

    private async Task<bool> CreateAsync()
    {
        var n = Interlocked.Increment(ref _meetings);
        var id = "busy-" + n.ToString(CultureInfo.InvariantCulture);
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("meetingID", id), new("name", "Busy tenant " + n.ToString(CultureInfo.InvariantCulture)), new("attendeePW", "ap"), new("moderatorPW", "mp"),
            new("record", "true"), new("meta_presenter", Presenters[_random.Next(Presenters.Length)]),
            new("meta_category", Categories[_random.Next(Categories.Length)]),
        };
        if (_random.Next(2) == 0)
        {
            parameters.Add(new("meta_term", "t" + _random.Next(3).ToString(CultureInfo.InvariantCulture)));
        }

        await GetAsync("create", parameters).ConfigureAwait(false);
        for (var i = 0; i < 2; i++)
        {
            await JoinAsync(id, guest: false).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> JoinAsync(string meetingId, bool guest)
    {
        var user = "tenant-" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        var moderator = _random.Next(3) == 0;
        await GetAsync("join", [new("fullName", "Tenant " + user), new("meetingID", meetingId), new("password", moderator ? "mp" : "ap"),
            new("userID", user), new("redirect", "false"), new("guest", guest ? "true" : null)]).ConfigureAwait(false);
        return true;
    }

    private async Task GetAsync(string call, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var url = new RequestSigner(Fake.Secret).Url(ApiEndpoint.Parse(Fake.BaseUrl), call, parameters.Where(p => p.Value is not null));
        using var response = await _http.GetAsync(url, _stop.Token).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop ends on cancellation; nothing else to report.
        }

        _http.Dispose();
        _stop.Dispose();
        Fake.Dispose();
    }
}
