using Mconf.Mock;

namespace Mconf.Sample.Client.Tests.Support;

/// <summary>A fake Mconf-Live server started in-process, and the sample client pointed at it.</summary>
internal sealed class SampleFake : IDisposable
{
    private readonly HttpClient _http = new();

    public SampleFake(Action<FakeServerOptions>? configure = null)
    {
        var options = new FakeServerOptions { Seed = 7 };
        configure?.Invoke(options);
        Server = FakeMconfServer.Start(options);
    }

    public FakeMconfServer Server { get; }

    /// <summary>A client for this fake; give a signer to sign differently, tighten the timing for fault tests.</summary>
    public MconfClient Client(IQuerySigner? signer = null, TimeSpan? timeout = null, int maxAttempts = 3) =>
        new(_http, new MconfClientOptions
        {
            BaseUrl = new Uri(Server.BaseUrl),
            Secret = Server.Secret,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxAttempts = maxAttempts,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        }, signer);

    public void Dispose()
    {
        _http.Dispose();
        Server.Dispose();
    }
}
