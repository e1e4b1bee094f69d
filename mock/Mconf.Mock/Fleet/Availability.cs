using Mconf.Mock.Api;
using Mconf.Mock.Faults;
using Microsoft.AspNetCore.Http;

namespace Mconf.Mock.Fleet;

/// <summary>A fake server's availability as set from outside (C# or the fleet's HTTP control), and the count of
/// API requests it received. Checked before anything else answers an API request, so an outage also hides user
/// mappings and faults, as a dead server would.</summary>
internal sealed class Availability
{
    /// <summary>The FAILED answer of <see cref="Outage.Failed"/>, from the answer catalogue like every envelope.</summary>
    public static readonly string FailedEnvelope = AnswerCatalog.OwnError(AnswerCatalog.ServerUnavailable);

    private static readonly byte[] FailedBytes = System.Text.Encoding.UTF8.GetBytes(FailedEnvelope);
    private static readonly byte[] UnavailableBytes = System.Text.Encoding.UTF8.GetBytes(FaultResponses.ErrorPage(503));

    private readonly Lock _gate = new();
    private State _state = new(Outage.None, TimeSpan.Zero, new CancellationTokenSource());
    private long _received;

    public Outage Outage => _state.Outage;

    public TimeSpan Delay => _state.Delay;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Sets the outage and delay; requests hanging until now go on (and are answered normally if the
    /// server is up again).</summary>
    public void Set(Outage outage, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        CancellationTokenSource released;
        lock (_gate)
        {
            released = _state.Release;
            _state = new State(outage, delay, new CancellationTokenSource());
        }

        released.Cancel();
        released.Dispose();
    }

    /// <summary>Counts the request; true when the outage answered it (or the client gave up while it hung).</summary>
    public ValueTask<bool> TryAnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _received);
        var state = _state;
        return state.Outage == Outage.None && state.Delay == TimeSpan.Zero ? ValueTask.FromResult(false) : AnswerAsync(context, state);
    }

    private async ValueTask<bool> AnswerAsync(HttpContext context, State state)
    {
        if (state.Outage == Outage.None && state.Delay == TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            if (state.Outage == Outage.Hang)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Release.Token);
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }

            if (state.Delay > TimeSpan.Zero)
            {
                await Task.Delay(state.Delay, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Released: the server came back (or changed outage); answer as it is now.
            var now = _state;
            return now.Outage != Outage.None || now.Delay > TimeSpan.Zero ? await AnswerAsync(context, now).ConfigureAwait(false) : false;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return true;
        }

        switch (state.Outage)
        {
            case Outage.Status503:
                await Write(context.Response, 503, ApiAnswer.HtmlContentType, UnavailableBytes).ConfigureAwait(false);
                return true;
            case Outage.Failed:
                await Write(context.Response, 200, ApiAnswer.XmlContentType, FailedBytes).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static async Task Write(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private sealed record State(Outage Outage, TimeSpan Delay, CancellationTokenSource Release);
}
