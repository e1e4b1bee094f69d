using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mconf.Mock.Bench;

/// <summary>The floor: a bare Kestrel endpoint on 127.0.0.1 that answers every GET under the API root with the same
/// fixed bytes (set per scenario to the fake's own answer, so sizes match). Nothing a mock can do is cheaper.</summary>
internal sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile FixedAnswer _answer = new([], "text/xml");

    private FloorServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The bytes (and content type) every request gets from now on.</summary>
    public FixedAnswer Answer
    {
        get => _answer;
        set => _answer = value ?? throw new ArgumentNullException(nameof(value));
    }

    public static async Task<FloorServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var floor = new FloorServer(app);
        app.UseRouting();
        app.MapGet("/bigbluebutton/api/{call}", (HttpContext context) =>
        {
            var answer = floor._answer;
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body.Length;
            return context.Response.Body.WriteAsync(answer.Body).AsTask();
        });
        await app.StartAsync().ConfigureAwait(false);
        floor.BaseAddress = new Uri(app.Urls.Single());
        return floor;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A fixed HTTP answer body with its content type.</summary>
internal sealed record FixedAnswer(byte[] Body, string ContentType);
