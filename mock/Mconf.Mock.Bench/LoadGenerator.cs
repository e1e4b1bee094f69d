using System.Diagnostics;
using System.Net;

namespace Mconf.Mock.Bench;

/// <summary>One scenario for the generator: which URLs, how long, how many workers.</summary>
/// <param name="Urls">Request URLs; each worker picks one at random (seeded) per request.</param>
/// <param name="WarmupSeconds">Requests started before this point are not measured.</param>
/// <param name="DurationSeconds">Measured seconds after the warm-up; no request starts after it.</param>
/// <param name="MaxRequests">Cap on measured requests; whichever of the two bounds comes first ends the run.</param>
/// <param name="Expect">Bytes every answer must hold within its first <see cref="LoadGenerator.PrefixLength"/>
/// bytes (e.g. the SUCCESS returncode) to count as a success; empty checks nothing but the status.</param>
internal sealed record LoadSpec(IReadOnlyList<Uri> Urls, int Concurrency, double WarmupSeconds, double DurationSeconds, long MaxRequests, int Seed, ReadOnlyMemory<byte> Expect = default);

/// <summary>What one run of the generator measured: per-request latencies in <see cref="Stopwatch"/> ticks, from
/// sending to the last body byte read, and the measured window's length.</summary>
/// <remarks>The GC figures are process-wide (generator and every server in the process) over the measured window.</remarks>
internal sealed record LoadSample(long[] LatencyTicks, long Bytes, long Errors, double Seconds, string? FirstError, GcCounters Gc);

/// <summary>Process-wide GC activity: bytes allocated, gen2 collections, time paused.</summary>
internal readonly record struct GcCounters(long AllocatedBytes, int Gen2Collections, TimeSpan Pause)
{
    public static GcCounters Now() => new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCounters operator -(GcCounters a, GcCounters b) =>
        new(a.AllocatedBytes - b.AllocatedBytes, a.Gen2Collections - b.Gen2Collections, a.Pause - b.Pause);

    public static GcCounters operator +(GcCounters a, GcCounters b) =>
        new(a.AllocatedBytes + b.AllocatedBytes, a.Gen2Collections + b.Gen2Collections, a.Pause + b.Pause);

    public GcCounters Subtract(GcCounters other) => this - other;

    public GcCounters Add(GcCounters other) => this + other;
}

/// <summary>What a scenario measured, over one or more runs (rounds) of the generator.</summary>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, double MeanMs, double AverageBytes, string? FirstError, GcCounters Gc)
{
    /// <summary>Bytes allocated by the whole process per request.</summary>
    public double AllocatedPerRequest => Requests > 0 ? (double)Gc.AllocatedBytes / Requests : double.NaN;

    /// <summary>Share of the measured window the process spent paused by the GC.</summary>
    public double GcPauseShare => Seconds > 0 ? Gc.Pause.TotalSeconds / Seconds : double.NaN;

    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Wall time per request of the whole process at full load (1 / throughput), in ms.</summary>
    public double MsPerRequest => Requests > 0 ? Seconds * 1_000 / Requests : double.NaN;

    /// <summary>Requests and seconds summed over the rounds; percentiles over all their latencies together.</summary>
    public static LoadResult Combine(IReadOnlyCollection<LoadSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var latencies = samples.SelectMany(s => s.LatencyTicks).ToArray();
        Array.Sort(latencies);
        var ms = 1_000.0 / Stopwatch.Frequency;
        var requests = latencies.LongLength;
        return new LoadResult(
            requests,
            samples.Sum(s => s.Errors),
            samples.Sum(s => s.Seconds),
            requests == 0 ? double.NaN : Percentile(latencies, 0.50) * ms,
            requests == 0 ? double.NaN : Percentile(latencies, 0.99) * ms,
            requests == 0 ? double.NaN : latencies.Average() * ms,
            requests == 0 ? 0 : (double)samples.Sum(s => s.Bytes) / requests,
            samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null),
            samples.Aggregate(default(GcCounters), (sum, s) => sum + s.Gc));
    }

    /// <summary>Nearest-rank percentile of a sorted array.</summary>
    private static long Percentile(long[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A closed-loop load generator: <c>Concurrency</c> workers, each sending its next request as soon as the
/// previous answer's body has been read, over one shared <see cref="SocketsHttpHandler"/> client (one pooled
/// keep-alive connection per worker). The same generator, with the same request mix, drives every target, so its
/// own cost (it runs in the benchmark's process, like the servers) is the same for all of them.</summary>
internal static class LoadGenerator
{
    /// <summary>How much of the start of each answer is kept for the <see cref="LoadSpec.Expect"/> check.</summary>
    public const int PrefixLength = 256;

    /// <summary>Extra time allowed for requests in flight when the duration ends, after which the run is abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static async Task<LoadSample> RunAsync(LoadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Urls.Count == 0)
        {
            throw new ArgumentException("no URLs to request", nameof(spec));
        }

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = spec.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Grace };
        using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(spec.WarmupSeconds + spec.DurationSeconds) + Grace);

        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(spec.WarmupSeconds * frequency);
        var stopAt = measureFrom + (long)(spec.DurationSeconds * frequency);
        var shared = new Shared(spec.MaxRequests);

        var workers = new Task<WorkerResult>[spec.Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            var seed = unchecked(spec.Seed * 7919 + w);
            workers[w] = Task.Run(() => WorkerAsync(client, spec, seed, measureFrom, stopAt, shared, hardStop.Token));
        }

        WorkerResult[] results;
        try
        {
            results = await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            throw new TimeoutException($"requests still in flight {Grace.TotalSeconds:0} s after the end of the scenario; the run was abandoned");
        }

        var latencies = new long[results.Sum(r => r.Latencies.Count)];
        var at = 0;
        long bytes = 0, errors = 0, lastEnd = measureFrom;
        string? firstError = null;
        foreach (var r in results)
        {
            r.Latencies.CopyTo(latencies, at);
            at += r.Latencies.Count;
            bytes += r.Bytes;
            errors += r.Errors;
            lastEnd = Math.Max(lastEnd, r.LastEnd);
            firstError ??= r.FirstError;
        }

        var gc = GcCounters.Now() - (shared.GcAtStart ?? GcCounters.Now());
        return new LoadSample(latencies, bytes, errors, (lastEnd - measureFrom) / frequency, firstError, gc);
    }

    private static async Task<WorkerResult> WorkerAsync(HttpClient client, LoadSpec spec, int seed, long measureFrom, long stopAt, Shared shared, CancellationToken cancel)
    {
        var urls = spec.Urls;
        var random = new Random(seed);
        var buffer = new byte[64 * 1024];
        var prefix = new byte[PrefixLength];
        var result = new WorkerResult();
        while (!shared.Exhausted)
        {
            var begin = Stopwatch.GetTimestamp();
            if (begin >= stopAt)
            {
                break;
            }

            var measured = begin >= measureFrom;
            if (measured && !shared.TryTake())
            {
                break;
            }

            if (measured)
            {
                shared.MarkStart();
            }

            var url = urls[urls.Count == 1 ? 0 : random.Next(urls.Count)];
            long length = 0;
            var kept = 0;
            string? error = null;
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
                var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
                    {
                        if (kept < prefix.Length)
                        {
                            var n = Math.Min(read, prefix.Length - kept);
                            buffer.AsSpan(0, n).CopyTo(prefix.AsSpan(kept));
                            kept += n;
                        }

                        length += read;
                    }
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = $"HTTP {(int)response.StatusCode} from {url.AbsolutePath}";
                }
                else if (!spec.Expect.IsEmpty && prefix.AsSpan(0, kept).IndexOf(spec.Expect.Span) < 0)
                {
                    error = $"answer from {url.AbsolutePath} without the expected start ({System.Text.Encoding.UTF8.GetString(spec.Expect.Span)})";
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancel.IsCancellationRequested))
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }

            var end = Stopwatch.GetTimestamp();
            if (!measured)
            {
                continue;
            }

            if (error is null)
            {
                result.Latencies.Add(end - begin);
                result.Bytes += length;
                result.LastEnd = Math.Max(result.LastEnd, end);
            }
            else
            {
                result.Errors++;
                result.FirstError ??= error;
                result.LastEnd = Math.Max(result.LastEnd, end);
                if (shared.Failed())
                {
                    break;
                }
            }
        }

        return result;
    }

    private sealed class WorkerResult
    {
        public List<long> Latencies { get; } = new(4_096);

        public long Bytes { get; set; }

        public long Errors { get; set; }

        public long LastEnd { get; set; }

        public string? FirstError { get; set; }
    }

    /// <summary>The request budget shared by the workers, and a stop when a target only answers errors.</summary>
    private sealed class Shared(long maxRequests)
    {
        private const long MaxErrors = 1_000;
        private readonly Lock _lock = new();
        private long _taken;
        private long _errors;
        private int _started;
        private GcCounters _gcAtStart;

        /// <summary>GC counters when the first measured request started (read once the workers are done).</summary>
        public GcCounters? GcAtStart => Volatile.Read(ref _started) != 0 ? _gcAtStart : null;

        public void MarkStart()
        {
            if (Volatile.Read(ref _started) != 0)
            {
                return;
            }

            lock (_lock)
            {
                if (_started == 0)
                {
                    _gcAtStart = GcCounters.Now();
                    Volatile.Write(ref _started, 1);
                }
            }
        }

        public bool Exhausted => Interlocked.Read(ref _taken) >= maxRequests || Interlocked.Read(ref _errors) >= MaxErrors;

        public bool TryTake() => Interlocked.Increment(ref _taken) <= maxRequests;

        /// <summary>Counts an error; true once there are too many to go on.</summary>
        public bool Failed() => Interlocked.Increment(ref _errors) >= MaxErrors;
    }
}
