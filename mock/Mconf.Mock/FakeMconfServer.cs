using Mconf.Mock.Api;
using Mconf.Mock.Control;
using Mconf.Mock.Data;
using Mconf.Mock.Engine;
using Mconf.Mock.Wiring;
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
    private bool _disposed;

    private FakeMconfServer(FakeServerOptions options, WireMockServer server, ServerState state, FakeControl control)
    {
        Options = options;
        WireMock = server;
        _state = state;
        Control = control;
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

    public static FakeMconfServer Start(FakeServerOptions? options = null)
    {
        options ??= new FakeServerOptions();
        options.Validate();
        var log = options.Log ?? (message => Console.Error.WriteLine(message));
        var inner = options.Clock
            ?? (options.ClockStart is { } start && FakeServerOptions.TryParseInstant(start, out var instant) ? new FrozenClock(instant) : TimeProvider.System);
        var clock = new ControllableClock(inner);

        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{options.Port}"],
            StartAdminInterface = options.AdminInterface,
            MaxRequestLogCount = options.JournalLimit,
            DisableRequestBodyDecompressing = true,
            AllowBodyForAllHttpMethods = true,
            PreWireMockMiddlewareInit = RequestScope.Install(options.JournalBodyLimit, log, Xml.Envelope.Error("internalError", AnswerCatalog.InternalErrorMessage)),
        });
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
            return new FakeMconfServer(options, server, state, control);
        }
        catch
        {
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
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static EngineSettings EngineSettingsFrom(FakeServerOptions options, string serverUrl) => new()
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
