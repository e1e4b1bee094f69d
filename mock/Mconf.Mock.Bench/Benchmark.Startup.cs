using System.Diagnostics;
using Mconf.Mock.Fleet;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Bench;

/// <summary>Start-up (FakeMconfServer.Start to the first answer of a signed getMeetings, the first in the process
/// and the following ones) and a fleet of idle fakes' memory.</summary>
internal sealed partial class Benchmark
{
    private StartupFigures? _startup;
    private FleetFigures? _fleet;

    /// <summary>Runs first of all, so that the first start pays what a test suite's first fake pays (assembly
    /// loading, JIT), the HTTP client's first request included.</summary>
    private async Task MeasureStartupAsync()
    {
        progress.WriteLine($"[bench] start-up: FakeMconfServer.Start to the first answer, 1 + {options.Starts} starts");
        var first = await StartAndAskAsync().ConfigureAwait(false);
        var later = new List<(double Start, double Answer)>();
        for (var i = 0; i < options.Starts; i++)
        {
            later.Add(await StartAndAskAsync().ConfigureAwait(false));
        }

        _startup = new StartupFigures(first, later);
    }

    private static async Task<(double Start, double Answer)> StartAndAskAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        using var fake = FakeMconfServer.Start(new FakeServerOptions());
        var started = clock.Elapsed.TotalMilliseconds;
        var url = new RequestSigner(fake.Secret).Url(ApiEndpoint.Parse(fake.BaseUrl), GetMeetings, []);
        using var response = await client.GetAsync(url).ConfigureAwait(false);
        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var answered = clock.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return (started, answered);
    }

    /// <summary>N fakes with the default options (3 meetings of 6 attendees, recordings, stats, admin interface
    /// and journal on) in this process, each asked once, then idle: resident memory and heap per fake.</summary>
    private async Task MeasureFleetAsync()
    {
        progress.WriteLine($"[bench] fleet: {options.FleetSize} idle fakes in one process");
        var before = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using var fleet = FakeFleet.Start(options.FleetSize);
        var startSeconds = clock.Elapsed.TotalSeconds;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var server in fleet.Servers)
        {
            var url = new RequestSigner(server.Secret).Url(ApiEndpoint.Parse(server.BaseUrl), GetMeetings, []);
            using var response = await client.GetAsync(url).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        var after = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        _fleet = new FleetFigures(options.FleetSize, startSeconds, before, after);
    }

    private void PrintStartupAndFleet()
    {
        if (_startup is { } s)
        {
            output.WriteLine("## Start-up");
            output.WriteLine();
            output.WriteLine("FakeMconfServer.Start (default options) until it returns, and until the first signed getMeetings is answered (a fresh HttpClient each time). The first is the first fake of this process (assembly loading and JIT included); the others follow it in the same process.");
            output.WriteLine();
            var table = new Table("", "Start returns, ms", "first answer, ms");
            table.Add("first in the process", s.First.Start.ToString("0"), s.First.Answer.ToString("0"));
            if (s.Later.Count > 0)
            {
                table.Add($"next {s.Later.Count}: median", Median(s.Later.Select(x => x.Start)).ToString("0"), Median(s.Later.Select(x => x.Answer)).ToString("0"));
                table.Add($"next {s.Later.Count}: max", s.Later.Max(x => x.Start).ToString("0"), s.Later.Max(x => x.Answer).ToString("0"));
            }

            table.WriteTo(output);
        }

        if (_fleet is { } f)
        {
            output.WriteLine("## Fleet memory");
            output.WriteLine();
            output.WriteLine($"FakeFleet.Start({f.Size}) with the default options, each fake asked one signed getMeetings, then idle; readings after a forced full GC. Per fake = (after - before) / {f.Size}.");
            output.WriteLine();
            var table = new Table("fakes", "start s", "RSS before", "RSS after", "RSS per fake", "heap before", "heap after", "heap per fake");
            table.Add(f.Size.ToString("N0"), f.StartSeconds.ToString("0.0"), Mb(f.Before.RssBytes), Mb(f.After.RssBytes), Mb((f.After.RssBytes - f.Before.RssBytes) / f.Size),
                Mb(f.Before.HeapBytes), Mb(f.After.HeapBytes), Mb((f.After.HeapBytes - f.Before.HeapBytes) / f.Size));
            table.WriteTo(output);
        }
    }

    private void PrintStartupAndFleetVerdicts()
    {
        if (_startup is { Later.Count: > 0 } s)
        {
            var median = Median(s.Later.Select(x => x.Answer));
            Verdict(median < 200, $"start-up after the first fake of a process: median {median:0} ms from Start to the first answer (target under 200 ms; the first: {s.First.Answer:0} ms)");
        }

        if (_fleet is { } f)
        {
            var perFake = (f.After.RssBytes - f.Before.RssBytes) / (double)f.Size / 1_048_576;
            Verdict(perFake <= 10, $"fleet of {f.Size}: {perFake:0.0} MB RSS per idle fake (target at most 10 MB)");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record StartupFigures((double Start, double Answer) First, List<(double Start, double Answer)> Later);

    private sealed record FleetFigures(int Size, double StartSeconds, MemorySnapshot Before, MemorySnapshot After);
}
