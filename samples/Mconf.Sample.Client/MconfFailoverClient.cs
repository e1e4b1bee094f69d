namespace Mconf.Sample.Client;

/// <summary>A multi-server client, as an LMS plugin or a Scalelite-style balancer uses several Mconf-Live servers:
/// each call goes to the first server in the list that is up; a server that refuses connections, answers 5xx or
/// does not answer in time is marked down and tried last, until a call or a <see cref="PollAsync"/> finds it up again. FAILED answers are the API's own
/// and pass through; <see cref="IsHealthyAsync"/> is the health check that also treats them as down.</summary>
public sealed class MconfFailoverClient
{
    private readonly IReadOnlyList<(string Name, MconfClient Client)> _servers;
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary><paramref name="servers"/>: a name (for logs and <see cref="LastServer"/>) and a client per server,
    /// in order of preference. Give each client a short timeout and one attempt: failing over is the retry.</summary>
    public MconfFailoverClient(IEnumerable<(string Name, MconfClient Client)> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        _servers = [.. servers];
        if (_servers.Count == 0)
        {
            throw new ArgumentException("Give at least one server.", nameof(servers));
        }
    }

    /// <summary>The server that answered the last call.</summary>
    public string? LastServer { get; private set; }

    /// <summary>Servers marked down by a failed call (until one of their calls succeeds again).</summary>
    public IReadOnlyCollection<string> Down
    {
        get
        {
            lock (_gate)
            {
                return [.. _down];
            }
        }
    }

    /// <summary>Runs <paramref name="call"/> on the first server that answers; throws the last server's error
    /// when none does.</summary>
    public async Task<T> CallAsync<T>(Func<MconfClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        MconfException? last = null;
        foreach (var (name, client) in Ordered())
        {
            try
            {
                var result = await call(client).ConfigureAwait(false);
                Mark(name, down: false);
                LastServer = name;
                return result;
            }
            catch (Exception ex) when (ex is MconfUnavailableException or MconfTimeoutException)
            {
                Mark(name, down: true);
                last = (MconfException)ex;
            }
        }

        throw new MconfUnavailableException($"No server answered ({_servers.Count} tried).", null, last);
    }

    /// <summary>Polls the servers marked down (<see cref="IsHealthyAsync"/>) and takes back those that answer, as
    /// a balancer's poller does; returns the servers still down.</summary>
    public async Task<IReadOnlyCollection<string>> PollAsync()
    {
        foreach (var (name, client) in _servers.Where(s => Down.Contains(s.Name)))
        {
            if (await IsHealthyAsync(client).ConfigureAwait(false))
            {
                Mark(name, down: false);
            }
        }

        return Down;
    }

    /// <summary>A balancer's poll: up when isMeetingRunning answers SUCCESS (any FAILED, 5xx, refusal or timeout
    /// counts as down).</summary>
    public static async Task<bool> IsHealthyAsync(MconfClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.IsMeetingRunningAsync("health-check").ConfigureAwait(false);
            return true;
        }
        catch (MconfException)
        {
            return false;
        }
    }

    /// <summary>Servers up first (in preference order), then those marked down, so a recovered server is found.</summary>
    private List<(string Name, MconfClient Client)> Ordered()
    {
        lock (_gate)
        {
            return [.. _servers.Where(s => !_down.Contains(s.Name)), .. _servers.Where(s => _down.Contains(s.Name))];
        }
    }

    private void Mark(string name, bool down)
    {
        lock (_gate)
        {
            if (down)
            {
                _down.Add(name);
            }
            else
            {
                _down.Remove(name);
            }
        }
    }
}
