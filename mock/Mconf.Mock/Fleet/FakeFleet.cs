using System.Security.Cryptography;
using System.Text;

namespace Mconf.Mock.Fleet;

/// <summary>Many independent fake servers in one process, each with its own port, secret, seed and state: the
/// servers behind a load balancer (Scalelite-style pollers) or a multi-server client. Take any of them down in the
/// ways that matter (<see cref="FakeMconfServer.TakeDown"/>), slow it down, bring it back; each counts the
/// requests it received. Over HTTP: <see cref="StartControl"/>.</summary>
public sealed class FakeFleet : IDisposable, IAsyncDisposable
{
    private readonly List<FakeMconfServer> _servers;
    private FleetControl? _control;

    private FakeFleet(List<FakeMconfServer> servers) => _servers = servers;

    /// <summary>The servers, in the order given (index 0 first).</summary>
    public IReadOnlyList<FakeMconfServer> Servers => _servers;

    /// <summary>The server at <paramref name="index"/> (0 first).</summary>
    public FakeMconfServer this[int index] => _servers[index];

    /// <summary>How many servers the fleet has.</summary>
    public int Count => _servers.Count;

    /// <summary>The HTTP control's base URL (<c>http://127.0.0.1:PORT/fleet</c>) once started; null before.</summary>
    public string? ControlUrl => _control?.Url;

    /// <summary>Starts <paramref name="count"/> servers from <paramref name="template"/> (default options when
    /// null): server <c>i</c> gets seed <c>Seed + i</c>, a secret of its own derived from the template's secret
    /// and <c>i</c> (<see cref="SecretOf"/>), and a free port (or <c>Port + i</c> when the template sets one).
    /// <paramref name="configure"/> may change each server's options further.</summary>
    public static FakeFleet Start(int count, FakeServerOptions? template = null, Action<int, FakeServerOptions>? configure = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        template ??= new FakeServerOptions();
        return Start(Enumerable.Range(0, count).Select(i =>
        {
            var options = OptionsFor(template, i);
            configure?.Invoke(i, options);
            return options;
        }));
    }

    /// <summary>Starts one server per options (a config list); all or none.</summary>
    public static FakeFleet Start(IEnumerable<FakeServerOptions> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var started = new List<FakeMconfServer>();
        try
        {
            foreach (var options in servers)
            {
                started.Add(FakeMconfServer.Start(options));
            }
        }
        catch
        {
            started.ForEach(s => s.Dispose());
            throw;
        }

        return started.Count == 0 ? throw new ArgumentException("A fleet needs at least one server.", nameof(servers)) : new FakeFleet(started);
    }

    /// <summary>Server <paramref name="index"/>'s options from the template (see <see cref="Start(int, FakeServerOptions?, Action{int, FakeServerOptions}?)"/>).</summary>
    public static FakeServerOptions OptionsFor(FakeServerOptions template, int index)
    {
        ArgumentNullException.ThrowIfNull(template);
        var options = template.Copy();
        options.Seed = unchecked(template.Seed + index);
        options.Secret = SecretOf(template.Secret, index);
        options.Port = template.Port == 0 ? 0 : template.Port + index;
        return options;
    }

    /// <summary>Server <paramref name="index"/>'s secret: the first 32 hex digits of SHA-1 over the template's
    /// secret, a colon and the index (a bbb-web-like salt, different for every server, the same every run).</summary>
    public static string SecretOf(string templateSecret, int index) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{templateSecret}:{index}")))[..32];

    /// <summary>Starts the HTTP control (<see cref="FleetControl"/>) on 127.0.0.1:<paramref name="port"/> (0: a free
    /// port); returns its base URL.</summary>
    public string StartControl(int port = 0)
    {
        _control ??= FleetControl.Start(this, port);
        return _control.Url;
    }

    /// <summary>Every server up again at full speed.</summary>
    public void BringAllBack() => _servers.ForEach(s => s.BringBack());

    /// <summary>Stops every server and the fleet control.</summary>
    public void Dispose()
    {
        _control?.Dispose();
        _servers.ForEach(s => s.Dispose());
    }

    /// <summary>Stops every server and the fleet control.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
