using Mconf.Mock.Api;
using Mconf.Mock.Control;
using Mconf.Mock.Data;
using Mconf.Mock.Engine;
using Mconf.Mock.Export;
using Mconf.Mock.Faults;
using Mconf.Mock.Replay;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using Mconf.Spec;
using Mconf.Spec.Signing;
using WireMock.Server;
using WireMock.Settings;

namespace Mconf.Mock;

/// <summary>A stateful fake Mconf-Live (or plain BBB 0.9) server on 127.0.0.1, built on WireMock.Net: each API
/// call is a WireMock mapping whose callback drives the state engine. Start it, point a client at
/// <see cref="BaseUrl"/> with <see cref="Secret"/>, dispose it when done.</summary>
public sealed class FakeMconfServer : IDisposable, IAsyncDisposable
{
    private readonly ServerState _state;
    private readonly List<IDisposable> _owned;
    private bool _disposed;

    private FakeMconfServer(FakeServerOptions options, WireMockServer server, ServerState state, FakeControl control, Extensions extensions)
    {
        Options = options;
        WireMock = server;
        _state = state;
        Control = control;
        Faults = extensions.Faults;
        Requests = extensions.Journal;
        _owned = extensions.Owned;
        var port = server.Port;
        BaseUrl = $"http://127.0.0.1:{port}{ApiRouter.ContextPath}";
    }

    /// <summary><c>http://127.0.0.1:PORT/bigbluebutton</c>, what bbb-conf prints as the server URL.</summary>
    public string BaseUrl { get; }

    /// <summary><c>http://127.0.0.1:PORT/bigbluebutton/api/</c>.</summary>
    public string ApiUrl => BaseUrl + "/api/";

    public string Secret => Options.Secret;

    public FakeServerOptions Options { get; }

    /// <summary>The underlying WireMock server: admin interface, request journal, user mappings.</summary>
    public WireMockServer WireMock { get; }

    /// <summary>Simulated presence and server events (the same operations as the <c>/fake/</c> endpoints).</summary>
    public FakeControl Control { get; }

    /// <summary>The fake's clock (advance it through <see cref="FakeControl.AdvanceClock"/>).</summary>
    public ControllableClock Clock => _state.Clock;

    /// <summary>Fault injection per call (also <c>/fake/faults</c> over HTTP).</summary>
    public FakeFaults Faults { get; }

    /// <summary>The API requests received, each judged as a client check (also <c>/fake/requests</c>).</summary>
    public RequestJournal Requests { get; }

    /// <summary>Writes the example answers of each call as WireMock mapping files (see <see cref="MappingExporter"/>),
    /// from a fresh engine with this server's options; returns the files written.</summary>
    public IReadOnlyList<string> ExportMappings(string directory) => MappingExporter.Export(directory, Options);

    /// <summary>The same without a running server.</summary>
    public static IReadOnlyList<string> ExportMappings(string directory, FakeServerOptions options) => MappingExporter.Export(directory, options);

    public static FakeMconfServer Start(FakeServerOptions? options = null)
    {
        options ??= new FakeServerOptions();
        options.Validate();
        var log = options.Log ?? (message => Console.Error.WriteLine(message));
        var inner = options.Clock
            ?? (options.ClockStart is { } start && FakeServerOptions.TryParseInstant(start, out var instant) ? new FrozenClock(instant) : TimeProvider.System);
        var clock = new ControllableClock(inner);

        var journal = new JournalHook();
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{options.Port}"],
            StartAdminInterface = options.AdminInterface,
            MaxRequestLogCount = options.JournalLimit,
            DisableRequestBodyDecompressing = true,
            AllowBodyForAllHttpMethods = true,
            PreWireMockMiddlewareInit = RequestScope.Install(options.JournalBodyLimit, log, Xml.Envelope.Error("internalError", AnswerCatalog.InternalErrorMessage), journal.Observe),
        });
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
            ApiMappings.Register(server, router, log);
            ControlMappings.Register(server, new ControlEndpoints(control), options.Secret, log);
            var extensions = Extend(server, router, options, clock, log, owned);
            journal.Journal = extensions.Journal;
            return new FakeMconfServer(options, server, state, control, extensions);
        }
        catch
        {
            owned.ForEach(o => o.Dispose());
            server.Stop();
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        WireMock.Stop();
        WireMock.Dispose();
        _owned.ForEach(o => o.Dispose());
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The client-developer kit over the built-in mappings: the request journal, record or replay
    /// (priority 500), faults (priority 100), and their <c>/fake/</c> endpoints.</summary>
    private static Extensions Extend(WireMockServer server, ApiRouter router, FakeServerOptions options, ControllableClock clock, Action<string> log, List<IDisposable> owned)
    {
        var journal = new RequestJournal(options.JournalLimit, new RequestJudge(router, SpecCatalog.Load()), options.Secret, clock);
        var normal = ApiMappings.BuiltIn(router, log);
        if (options.ReplayFrom is not null)
        {
            var replay = new ReplayBackend(new FixtureFolder(options.ReplayFrom).ReadAll(), router.Context, options.ReplayFallThrough ? normal : null);
            normal = replay.Answer;
            RecordReplayMappings.Register(server, "Replay from " + options.ReplayFrom, normal);
        }
        else if (options.RecordFrom is not null)
        {
            var recorder = new RecordingProxy(options, router.Context, log);
            owned.Add(recorder);
            normal = recorder.Answer;
            RecordReplayMappings.Register(server, "Record from " + Redactor.Redact(options.RecordFrom, options.RecordSecret), normal);
        }

        var faults = new FakeFaults(server, router, normal, options.Seed);
        RequestEndpoints.Register(server, journal, options.Secret);
        FaultEndpoints.Register(server, faults);
        return new Extensions(faults, journal, owned);
    }

    private sealed record Extensions(FakeFaults Faults, RequestJournal Journal, List<IDisposable> Owned);

    /// <summary>Feeds the journal from the raw-query middleware (which exists before the journal does).</summary>
    private sealed class JournalHook
    {
        public RequestJournal? Journal { get; set; }

        public void Observe(RequestScope scope, int status, string? contentType) =>
            Journal?.Add(scope.Method, scope.RawPath, scope.RawQuery, ApiAnswerSummary.Of(status, contentType, scope.Response?.BodyData?.BodyAsString), scope.InjectedFault);
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
    };
}
