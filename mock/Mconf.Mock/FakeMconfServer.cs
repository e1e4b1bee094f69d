using Mconf.Mock.Api;
using Mconf.Mock.Control;
using Mconf.Mock.Data;
using Mconf.Mock.Engine;
using Mconf.Mock.Export;
using Mconf.Mock.Faults;
using Mconf.Mock.Fleet;
using Mconf.Mock.Replay;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using Mconf.Spec;
using Mconf.Spec.Signing;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock;

/// <summary>A stateful fake Mconf-Live (or plain BBB 0.9) server on 127.0.0.1, built on WireMock.Net: each API
/// call is a WireMock mapping whose callback drives the state engine (answered before WireMock when only the
/// built-in mappings could match, see <see cref="DirectAnswers"/>). Start it, point a client at
/// <see cref="BaseUrl"/> with <see cref="Secret"/>, dispose it when done.</summary>
public sealed class FakeMconfServer : IDisposable, IAsyncDisposable
{
    private readonly ServerState _state;
    private readonly Parts _parts;
    private readonly Lock _gate = new();
    private WireMockServer? _server;
    private DirectAnswers? _direct;
    private bool _disposed;

    private FakeMconfServer(FakeServerOptions options, int port, ServerState state, FakeControl control, Parts parts)
    {
        Options = options;
        Port = port;
        _state = state;
        Control = control;
        _parts = parts;
        BaseUrl = $"http://127.0.0.1:{port}{ApiRouter.ContextPath}";
    }

    /// <summary><c>http://127.0.0.1:PORT/bigbluebutton</c>, what bbb-conf prints as the server URL.</summary>
    public string BaseUrl { get; }

    /// <summary>The TCP port on 127.0.0.1 (kept when the server refuses connections and comes back).</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT/bigbluebutton/api/</c>.</summary>
    public string ApiUrl => BaseUrl + "/api/";

    /// <summary>The shared secret requests are signed with (from the options).</summary>
    public string Secret => Options.Secret;

    /// <summary>The options the server was started with.</summary>
    public FakeServerOptions Options { get; }

    /// <summary>The underlying WireMock server: admin interface, request journal, user mappings. A server brought
    /// back after <see cref="Outage.Refuse"/> listens on a new one (mappings posted to the old one are gone).</summary>
    public WireMockServer WireMock => _server ?? throw new InvalidOperationException("The server is refusing connections (Outage.Refuse); bring it back first.");

    /// <summary>Simulated presence and server events (the same operations as the <c>/fake/</c> endpoints).</summary>
    public FakeControl Control { get; }

    /// <summary>The fake's clock (advance it through <see cref="FakeControl.AdvanceClock"/>).</summary>
    public ControllableClock Clock => _state.Clock;

    /// <summary>Fault injection per call (also <c>/fake/faults</c> over HTTP).</summary>
    public FakeFaults Faults => _parts.Faults;

    /// <summary>The API requests received, each judged as a client check (also <c>/fake/requests</c>).</summary>
    public RequestJournal Requests => _parts.Journal;

    /// <summary>API requests (under <c>/bigbluebutton</c>) received since start, whatever answered them; refused
    /// connections never arrive.</summary>
    public long RequestsReceived => _parts.Availability.Received;

    /// <summary>The current outage (<see cref="Outage.None"/> when up).</summary>
    public Outage Outage => _parts.Availability.Outage;

    /// <summary>The delay added before every API answer (zero: none).</summary>
    public TimeSpan Delay => _parts.Availability.Delay;

    /// <summary>API requests answered before WireMock (<see cref="DirectAnswers"/>) since start or since the
    /// server came back; the rest went through WireMock's matching.</summary>
    internal long DirectlyAnswered => _direct?.Answered ?? 0;

    /// <summary>Writes the example answers of each call as WireMock mapping files (see <see cref="MappingExporter"/>),
    /// from a fresh engine with this server's options; returns the files written.</summary>
    public IReadOnlyList<string> ExportMappings(string directory) => MappingExporter.Export(directory, Options);

    /// <summary>The same without a running server.</summary>
    public static IReadOnlyList<string> ExportMappings(string directory, FakeServerOptions options) => MappingExporter.Export(directory, options);

    /// <summary>Takes the server down in one of the ways a load balancer tells apart (state, journal and faults
    /// are kept); <see cref="BringBack"/> ends it.</summary>
    public void TakeDown(Outage outage)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _parts.Availability.Set(outage, _parts.Availability.Delay);
            if (outage == Outage.Refuse)
            {
                StopListening();
            }
            else
            {
                EnsureListening();
            }
        }
    }

    /// <summary>Adds <paramref name="delay"/> before every API answer (zero: back to normal speed).</summary>
    public void SlowDown(TimeSpan delay)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _parts.Availability.Set(_parts.Availability.Outage, delay);
        }
    }

    /// <summary>Up again at full speed: listens again after <see cref="Outage.Refuse"/>, and hanging requests
    /// are answered.</summary>
    public void BringBack()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _parts.Availability.Set(Outage.None, TimeSpan.Zero);
            EnsureListening();
        }
    }

    /// <summary>Starts a fake server on 127.0.0.1 (default options when <paramref name="options"/> is null),
    /// seeded and ready to answer.</summary>
    public static FakeMconfServer Start(FakeServerOptions? options = null)
    {
        options ??= new FakeServerOptions();
        options.Validate();
        var log = options.Log ?? (message => Console.Error.WriteLine(message));
        var inner = options.Clock
            ?? (options.ClockStart is { } start && FakeServerOptions.TryParseInstant(start, out var instant) ? new FrozenClock(instant) : TimeProvider.System);
        var clock = new ControllableClock(inner);

        var front = new Front();
        var server = Listen(options, options.Port, front);
        var owned = new List<IDisposable>();
        try
        {
            var serverUrl = (options.ServerUrl ?? $"http://127.0.0.1:{server.Port}").TrimEnd('/');
            var state = new ServerState(EngineSettingsFrom(options, serverUrl), clock);
            var counts = new SeedCounts(options.Meetings, options.AttendeesPerMeeting, options.Recordings, options.StatsMeetings);
            DataSeeder.Seed(state, counts);

            var algorithms = options.Sha1Only ? [ChecksumAlgorithm.Sha1] : ChecksumAlgorithms.All;
            var router = new ApiRouter(new ApiContext(state, options.Secret, algorithms, options.IsMconf, AnswerCatalog.Load()));
            var flavour = options.IsMconf ? FakeServerOptions.MconfLive : FakeServerOptions.Bbb09;
            var control = new FakeControl(state, flavour, () => DataSeeder.Seed(state, counts));
            var parts = Compose(server, router, control, options, clock, log, owned, front);
            var fake = new FakeMconfServer(options, server.Port, state, control, parts);
            fake.Attach(server, registerFaults: false);
            return fake;
        }
        catch
        {
            owned.ForEach(o => o.Dispose());
            server.Stop();
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server and releases its port.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            StopListening();
            _parts.Availability.Set(Outage.None, TimeSpan.Zero);
            _parts.Owned.ForEach(o => o.Dispose());
        }
    }

    /// <summary>Stops the server and releases its port.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static WireMockServer Listen(FakeServerOptions options, int port, Front front) => WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [$"http://127.0.0.1:{port}"],
        StartAdminInterface = options.AdminInterface,
        MaxRequestLogCount = options.JournalLimit,
        DisableRequestBodyDecompressing = true,
        AllowBodyForAllHttpMethods = true,
        PreWireMockMiddlewareInit = RequestScope.Install(options.JournalBodyLimit, options.Log ?? (message => Console.Error.WriteLine(message)), AnswerCatalog.OwnError(AnswerCatalog.InternalError), front.Observe, front.Answer),
    });

    /// <summary>The built-in mappings and the client-developer kit over them: the request journal, record or
    /// replay (priority 500), faults (priority 100), and their <c>/fake/</c> endpoints.</summary>
    private static Parts Compose(WireMockServer server, ApiRouter router, FakeControl control, FakeServerOptions options, ControllableClock clock, Action<string> log, List<IDisposable> owned, Front front)
    {
        var journal = new RequestJournal(options.JournalLimit, new RequestJudge(router, SpecCatalog.Load()), options.Secret, clock);
        front.Journal = journal;
        var normal = ApiMappings.BuiltIn(router, log);
        string? layerTitle = null;
        if (options.ReplayFrom is not null)
        {
            var replay = new ReplayBackend(new FixtureFolder(options.ReplayFrom).ReadAll(), router.Context, options.ReplayFallThrough ? normal : null);
            normal = replay.Answer;
            layerTitle = "Replay from " + options.ReplayFrom;
        }
        else if (options.RecordFrom is not null)
        {
            var recorder = new RecordingProxy(options, router.Context, log);
            owned.Add(recorder);
            normal = recorder.Answer;
            layerTitle = "Record from " + Redactor.Redact(options.RecordFrom, options.RecordSecret);
        }

        var faults = new FakeFaults(server, router, normal, options.Seed);
        var routes = ControlRoutes.ForServer(control, journal, faults, options.Secret);
        return new Parts(router, routes, journal, faults, normal, layerTitle, log, owned, front.Availability, front);
    }

    /// <summary>Registers every mapping on a (new) WireMock server and lets the direct answers use it.</summary>
    private void Attach(WireMockServer server, bool registerFaults)
    {
        var p = _parts;
        ApiMappings.Register(server, p.Router, p.Log);
        ControlMappings.Register(server, p.Control, Options.Secret, p.Log);
        var builtIn = server.Mappings.Where(m => !m.IsAdminInterface).ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<WireMock.IMapping>);
        if (p.LayerTitle is not null)
        {
            // Registered after the snapshot: the recorder or replayer must go through WireMock (it answers the
            // whole API path), so the direct answers stay off while it is there.
            RecordReplayMappings.Register(server, p.LayerTitle, p.Normal);
        }

        if (registerFaults)
        {
            p.Faults.Rebind(server);
        }

        _direct = Options.DirectAnswers && WireMockInternals.For(server) is { } internals
            ? new DirectAnswers(internals, builtIn, p.Router, p.Log, Options.JournalLimit, TimeProvider.System)
            : null;
        p.Front.Direct = _direct;
        _server = server;
    }

    private void StopListening()
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        _parts.Front.Direct = null;
        server.Stop();
        server.Dispose();
    }

    private void EnsureListening()
    {
        if (_server is not null)
        {
            return;
        }

        Attach(Listen(Options, Port, _parts.Front), registerFaults: true);
    }

    private sealed record Parts(
        ApiRouter Router,
        ControlRouter Control,
        RequestJournal Journal,
        FakeFaults Faults,
        Func<WireMock.IRequestMessage, Task<WireMock.IResponseMessage>> Normal,
        string? LayerTitle,
        Action<string> Log,
        List<IDisposable> Owned,
        Availability Availability,
        Front Front);

    /// <summary>What runs before WireMock on every request (it exists before the journal and the direct answers
    /// do, and outlives a WireMock server that is stopped and started again): the outage and delay, then the
    /// direct answers; and the journal feed once an API request is answered.</summary>
    private sealed class Front
    {
        public Availability Availability { get; } = new();

        public RequestJournal? Journal { get; set; }

        public DirectAnswers? Direct { get; set; }

        public void Observe(RequestScope scope, int status, string? contentType) =>
            Journal?.Add(scope.Method, scope.RawPath, scope.RawQuery, ApiAnswerSummary.Of(status, contentType, scope.Response?.BodyData), scope.InjectedFault);

        public async ValueTask<bool> Answer(Microsoft.AspNetCore.Http.HttpContext context, RequestScope scope, bool isApi)
        {
            var direct = Direct;
            direct?.Notice(context);
            if (!isApi)
            {
                return false;
            }

            if (await Availability.TryAnswerAsync(context).ConfigureAwait(false))
            {
                return true;
            }

            return direct is not null && await direct.TryAnswerAsync(context, scope).ConfigureAwait(false);
        }
    }

    internal static EngineSettings EngineSettingsFrom(FakeServerOptions options, string serverUrl) => new()
    {
        Seed = options.Seed,
        AutoConnect = options.AutoConnect,
        RemoveMeetingWhenEnded = options.RemoveMeetingWhenEnded,
        ExpireMeetings = options.ExpireMeetings,
        ProcessRecordingsAtOnce = options.ProcessRecordingsAtOnce,
        ServerUrl = serverUrl,
        DefaultDialNumber = options.DialNumber,
        GuestPolicy = GuestPolicies.TryNormalise(options.GuestPolicy, out var policy) ? policy : GuestPolicies.AskModerator,
        VideoCountPerParticipant = string.Equals(options.VideoCount, FakeServerOptions.VideoCountParticipants, StringComparison.OrdinalIgnoreCase),
    };
}
