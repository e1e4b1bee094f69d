using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Mconf.Mock.Bench;

/// <summary>Runs every scenario in one process and prints the figures side by side. Per meeting count N: start the
/// fake with N meetings (measuring memory), then, with that fake idle in the same process, hit the floor, the peer
/// and the fake in turn with the same generator, the same signed request URLs and answers of the same bytes.</summary>
internal sealed partial class Benchmark(BenchOptions options, TextWriter output, TextWriter progress)
{
    public const string GetMeetingInfo = "getMeetingInfo";
    public const string GetMeetings = "getMeetings";
    private const string Floor = "floor";
    private const string Peer = "peer";
    private const string Fake = "fake";
    private const string PeerUnbounded = "peer, unbounded journal";
    private const string PeerNoJournal = "peer, no journal";
    private const string PeerAdmin = "peer, admin interface on";
    private const string FakeNoAdmin = "fake, embedded (no admin)";
    private const string FakeNoJournal = "fake, no journal";

    /// <summary>Every answer measured must start as a BBB success envelope (the floor and the peer send the fake's
    /// own bytes, so the check costs every target the same).</summary>
    private static readonly ReadOnlyMemory<byte> Success = "<returncode>SUCCESS</returncode>"u8.ToArray();

    private readonly List<Row> _rows = [];
    private readonly List<PopulationFigures> _populations = [];
    private readonly List<string> _notes = [];
    private readonly List<SerialFigures> _serial = [];
    private MemorySnapshot _overhead;
    private SoakFigures? _soak;

    public async Task RunAsync()
    {
        var started = Stopwatch.StartNew();
        PrintHeader();
        await MeasureStartupAsync().ConfigureAwait(false);

        using var setup = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) };
        await CompareAllAsync(setup).ConfigureAwait(false);

        // Last, with the floor stopped too, so that only the fake is running between the two readings.
        if (options.RequestsForMemory > 0)
        {
            await SoakAsync(options.Meetings[0], setup).ConfigureAwait(false);
        }

        if (options.FleetSize > 0)
        {
            await MeasureFleetAsync().ConfigureAwait(false);
        }

        progress.WriteLine($"[bench] done in {started.Elapsed.TotalSeconds:0} s");
        PrintReport(started.Elapsed);
    }

    private async Task CompareAllAsync(HttpClient setup)
    {
        await using var floor = await FloorServer.StartAsync().ConfigureAwait(false);
        await WarmUpAsync(floor, setup).ConfigureAwait(false);
        await MeasureFixedOverheadAsync().ConfigureAwait(false);

        var first = true;
        foreach (var meetings in options.Meetings)
        {
            await RunMeetingCountAsync(meetings, first, floor, setup).ConfigureAwait(false);
            first = false;
        }

        await SweepConnectionsAsync(floor, setup).ConfigureAwait(false);
    }

    /// <summary>Unmeasured load on every target and call, so that what follows runs fully jitted (tiered
    /// compilation promotes hot methods after a while) whichever target comes first.</summary>
    private async Task WarmUpAsync(FloorServer floor, HttpClient setup)
    {
        if (options.JitWarmupSeconds <= 0)
        {
            return;
        }

        progress.WriteLine($"[bench] warming up every target ({options.JitWarmupSeconds:0.#} s each, not measured)");
        using var fake = FakeTarget.Start(options, Math.Min(10, options.Meetings[0]));
        var (infoUrls, infoAnswer, meetingsUrl, meetingsAnswer) = await PrepareAsync(fake, setup, Math.Min(10, options.Meetings[0])).ConfigureAwait(false);
        foreach (var (call, urls, answer) in new[] { (GetMeetingInfo, infoUrls, infoAnswer), (GetMeetings, [meetingsUrl], meetingsAnswer) })
        {
            floor.Answer = answer;
            using var peer = PeerServer.Start("/bigbluebutton/api/" + call, answer, options.JournalLimit);
            foreach (var target in new[] { Rebase(urls, floor.BaseAddress), Rebase(urls, peer.BaseAddress), urls })
            {
                await LoadGenerator.RunAsync(new LoadSpec(target, options.Concurrency, 0, options.JitWarmupSeconds, options.MaxRequestsPerScenario, options.Seed, Success)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What a fake with no meetings costs (WireMock, Kestrel, mappings), measured after the warm-up has
    /// loaded and compiled everything once, so that the per-meeting figures hold only what meetings add.</summary>
    private async Task MeasureFixedOverheadAsync()
    {
        var before = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        using var empty = FakeTarget.Start(options, 0);
        var after = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        _overhead = new MemorySnapshot(after.HeapBytes - before.HeapBytes, after.RssBytes - before.RssBytes);
    }

    private async Task RunMeetingCountAsync(int meetings, bool first, FloorServer floor, HttpClient setup)
    {
        progress.WriteLine($"[bench] {meetings:N0} meetings: populating the fake");
        var before = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using var fake = FakeTarget.Start(options, meetings);
        var populateSeconds = clock.Elapsed.TotalSeconds;
        var after = await MemorySnapshot.TakeAsync().ConfigureAwait(false);

        // The fake builds its read snapshots of meetings and attendees on first read: memory per meeting while
        // serving is read after one getMeetings (whose answer is dropped at once).
        _ = await FetchAsync(setup, fake.GetMeetingsUrl()).ConfigureAwait(false);
        var serving = await MemorySnapshot.TakeAsync().ConfigureAwait(false);

        var (infoUrls, infoAnswer, meetingsUrl, meetingsAnswer) = await PrepareAsync(fake, setup, meetings).ConfigureAwait(false);

        if (first)
        {
            await CompareWithVariantsAsync(meetings, infoUrls, infoAnswer, floor, setup).ConfigureAwait(false);
        }
        else
        {
            await CompareAsync(GetMeetingInfo, meetings, infoUrls, infoAnswer, floor, []).ConfigureAwait(false);
        }

        await CompareAsync(GetMeetings, meetings, [meetingsUrl], meetingsAnswer, floor, []).ConfigureAwait(false);
        await MeasureOneAtATimeAsync(meetings, meetingsUrl, meetingsAnswer, floor).ConfigureAwait(false);

        var loaded = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        _populations.Add(new PopulationFigures(meetings, populateSeconds, before, after, serving, loaded, fake.JournalCount, fake.JournalBodyBytes));
    }

    /// <summary>getMeetings cost with one request at a time (one worker), fake and floor in turn: the cost of a
    /// request alone, without the contention of 16 large answers in flight on 2 cores, for the growth verdict.</summary>
    private async Task MeasureOneAtATimeAsync(int meetings, Uri meetingsUrl, FixedAnswer answer, FloorServer floor)
    {
        floor.Answer = answer;
        var samples = new Dictionary<string, List<LoadSample>> { [Floor] = [], [Fake] = [] };
        var seconds = options.DurationSeconds / 2 / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var (name, url) in round % 2 == 0 ? new[] { (Fake, meetingsUrl), (Floor, Rebase([meetingsUrl], floor.BaseAddress)[0]) } : [(Floor, Rebase([meetingsUrl], floor.BaseAddress)[0]), (Fake, meetingsUrl)])
            {
                progress.WriteLine($"[bench] {meetings:N0} meetings: {name} {GetMeetings}, one request at a time (round {round + 1}/{options.Rounds})");
                var spec = new LoadSpec([url], 1, options.WarmupSeconds, seconds, options.MaxRequestsPerScenario, options.Seed + round, Success);
                samples[name].Add(await LoadGenerator.RunAsync(spec).ConfigureAwait(false));
            }
        }

        _serial.Add(new SerialFigures(meetings, LoadResult.Combine(samples[Fake]), LoadResult.Combine(samples[Floor])));
    }

    /// <summary>getMeetingInfo with the informative variants in the same rotation as floor, peer and fake (so
    /// their ratios are as fair as the main ones): the static stub with WireMock's default, unbounded journal and
    /// with none; the fake without WireMock's admin interface (on by default: its mappings are matched against every
    /// request) and without a journal. Their rows are in no ratio or verdict. A method of its own so that the
    /// variants are stopped before anything else is measured.</summary>
    private async Task CompareWithVariantsAsync(int meetings, List<Uri> infoUrls, FixedAnswer infoAnswer, FloorServer floor, HttpClient setup)
    {
        const string Path = "/bigbluebutton/api/" + GetMeetingInfo;
        using var unbounded = PeerServer.Start(Path, infoAnswer, journalLimit: null);
        using var unjournaledPeer = PeerServer.Start(Path, infoAnswer, journalLimit: 0);
        using var adminPeer = PeerServer.Start(Path, infoAnswer, options.JournalLimit, adminInterface: true);
        using var noAdmin = FakeTarget.Start(options, meetings, o => o.AdminInterface = false);
        using var unjournaledFake = FakeTarget.Start(options, meetings, o => o.JournalLimit = 0);
        var noAdminUrls = (await PrepareAsync(noAdmin, setup, meetings).ConfigureAwait(false)).InfoUrls;
        var unjournaledUrls = (await PrepareAsync(unjournaledFake, setup, meetings).ConfigureAwait(false)).InfoUrls;

        await CompareAsync(GetMeetingInfo, meetings, infoUrls, infoAnswer, floor,
        [
            (PeerUnbounded, Rebase(infoUrls, unbounded.BaseAddress)),
            (PeerNoJournal, Rebase(infoUrls, unjournaledPeer.BaseAddress)),
            (PeerAdmin, Rebase(infoUrls, adminPeer.BaseAddress)),
            (FakeNoAdmin, noAdminUrls),
            (FakeNoJournal, unjournaledUrls),
        ]).ConfigureAwait(false);

        string Versus(string name, string reference) =>
            $"{Find(name, GetMeetingInfo, meetings)!.Result.RequestsPerSecond / Find(reference, GetMeetingInfo, meetings)!.Result.RequestsPerSecond:0.00} x the {reference}";

        _notes.Add($"{PeerUnbounded}: {Versus(PeerUnbounded, Peer)} (journal limit {options.JournalLimit:N0}); its journal held {unbounded.JournalCount:N0} entries at the end.");
        _notes.Add($"{PeerNoJournal}: {Versus(PeerNoJournal, Peer)}.");
        _notes.Add($"{PeerAdmin}: {Versus(PeerAdmin, Peer)} (the static stub with WireMock's admin interface on, as the fake has it by default, and the same journal limit); the fake with its defaults is {Versus(Fake, PeerAdmin)}.");
        _notes.Add($"{FakeNoAdmin}: {Versus(FakeNoAdmin, Fake)} as configured for the benchmark (admin interface on, the fake's default); this is the embedded conformance target's configuration (AdminInterface = false, the other options at their defaults): {Versus(FakeNoAdmin, Floor)}, {Versus(FakeNoAdmin, Peer)}.");
        _notes.Add($"{FakeNoJournal}: {Versus(FakeNoJournal, Fake)} as configured for the benchmark (journal limit {options.JournalLimit:N0}).");
    }

    /// <summary>Reads the fake's getMeetings answer (checking it lists the meetings), picks a pool of random existing
    /// meetings and signs a getMeetingInfo URL for each, and keeps one answer of each call for the floor and the peer.</summary>
    private async Task<(List<Uri> InfoUrls, FixedAnswer InfoAnswer, Uri MeetingsUrl, FixedAnswer MeetingsAnswer)> PrepareAsync(FakeTarget fake, HttpClient setup, int meetings)
    {
        var meetingsUrl = fake.GetMeetingsUrl();
        var meetingsAnswer = await FetchAsync(setup, meetingsUrl).ConfigureAwait(false);
        var ids = FakeTarget.MeetingIds(meetingsAnswer.Body);
        if (ids.Count != meetings)
        {
            throw new InvalidOperationException($"the fake started with {meetings} meetings lists {ids.Count} in getMeetings");
        }

        var random = new Random(options.Seed + meetings);
        var infoUrls = Enumerable.Range(0, Math.Min(options.InfoUrlPool, ids.Count))
            .Select(_ => fake.GetMeetingInfoUrl(ids[random.Next(ids.Count)]))
            .ToList();
        var infoAnswer = await FetchAsync(setup, infoUrls[0]).ConfigureAwait(false);
        return (infoUrls, infoAnswer, meetingsUrl, meetingsAnswer);
    }

    /// <summary>Floor, peer and fake (and any <paramref name="extras"/>) take turns for <c>Rounds</c> rounds, the
    /// first target rotating each round, so drifts in the machine's load fall on all alike; the same URLs rebased to
    /// each server, answers of the same bytes.</summary>
    private async Task CompareAsync(string call, int meetings, IReadOnlyList<Uri> fakeUrls, FixedAnswer answer, FloorServer floor, IReadOnlyList<(string Name, List<Uri> Urls)> extras)
    {
        floor.Answer = answer;
        using var peer = PeerServer.Start("/bigbluebutton/api/" + call, answer, options.JournalLimit);
        (string Name, List<Uri> Urls)[] targets = [(Floor, Rebase(fakeUrls, floor.BaseAddress)), (Peer, Rebase(fakeUrls, peer.BaseAddress)), (Fake, [.. fakeUrls]), .. extras];
        var samples = targets.ToDictionary(t => t.Name, _ => new List<LoadSample>());
        var seconds = options.DurationSeconds / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var k = 0; k < targets.Length; k++)
            {
                var (name, urls) = targets[(round + k) % targets.Length];
                progress.WriteLine($"[bench] {meetings:N0} meetings: {name} {call} (round {round + 1}/{options.Rounds})");
                var spec = new LoadSpec(urls, options.Concurrency, options.WarmupSeconds, seconds, options.MaxRequestsPerScenario, options.Seed + round, Success);
                samples[name].Add(await LoadGenerator.RunAsync(spec).ConfigureAwait(false));
            }
        }

        foreach (var (name, _) in targets)
        {
            var result = LoadResult.Combine(samples[name]);
            if (result.Requests == 0)
            {
                throw new InvalidOperationException($"{name} {call} with {meetings} meetings: no successful request ({result.FirstError ?? "none completed in time"})");
            }

            _rows.Add(new Row(name, call, meetings, result));
        }
    }

    /// <summary>RSS and heap of a fake in steady state (started, then sent enough getMeetingInfo requests to fill
    /// its journal, so setup traffic and first-use allocations are behind it), then after a fixed number of signed
    /// getMeetingInfo requests for random existing meetings. A leak, or a journal that is not bounded, shows as growth.</summary>
    private async Task SoakAsync(int meetings, HttpClient setup)
    {
        progress.WriteLine($"[bench] {meetings:N0} meetings: {options.RequestsForMemory:N0} getMeetingInfo requests to a fresh fake, for memory");
        using var fake = FakeTarget.Start(options, meetings);
        var (infoUrls, _, _, _) = await PrepareAsync(fake, setup, meetings).ConfigureAwait(false);
        var settle = options.JournalLimit + 1_000L;
        await LoadGenerator.RunAsync(new LoadSpec(infoUrls, options.Concurrency, 0, SoakCapSeconds, settle, options.Seed + 2, Success)).ConfigureAwait(false);

        var before = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        var journalBefore = fake.JournalCount;
        var spec = new LoadSpec(infoUrls, options.Concurrency, 0, SoakCapSeconds, options.RequestsForMemory, options.Seed + 1, Success);
        var result = LoadResult.Combine([await LoadGenerator.RunAsync(spec).ConfigureAwait(false)]);
        var after = await MemorySnapshot.TakeAsync().ConfigureAwait(false);
        _soak = new SoakFigures(meetings, result, settle, before, after, journalBefore, fake.JournalCount);
    }

    /// <summary>Bound of the memory run in time (its bound in count is --requests-for-memory).</summary>
    private const double SoakCapSeconds = 300;

    private static async Task<FixedAnswer> FetchAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || !FakeTarget.IsSuccess(body))
        {
            throw new InvalidOperationException($"the fake did not answer {url.AbsolutePath} with SUCCESS (HTTP {(int)response.StatusCode}, {body.Length} bytes)");
        }

        var contentType = response.Content.Headers.ContentType?.ToString() ?? "text/xml";
        return new FixedAnswer(body, contentType);
    }

    private static List<Uri> Rebase(IReadOnlyList<Uri> urls, Uri baseAddress) =>
        [.. urls.Select(u => new Uri(baseAddress, u.PathAndQuery))];

    private void PrintHeader()
    {
        output.WriteLine("# Mconf.Mock.Bench: the fake Mconf-Live server against the floor (bare Kestrel) and the peer (static WireMock stub)");
        output.WriteLine();
        output.WriteLine($"- date: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}");
        output.WriteLine($"- GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}; build: {BuildConfiguration}");
        output.WriteLine($"- load: closed loop, {options.Concurrency} workers, {options.DurationSeconds:0.##} s measured per scenario in {options.Rounds} round(s) taken in turn by floor, peer and fake, each after {options.WarmupSeconds:0.##} s of warm-up (cap {options.MaxRequestsPerScenario:N0} requests), loopback 127.0.0.1, generator in the same process as the servers");
        output.WriteLine($"- fake: {options.AttendeesPerMeeting} attendees per meeting, journal limit {options.JournalLimit:N0} (the peer gets the same), admin interface on (its default), seed {options.Seed}{(options.Quick ? "; QUICK smoke run: figures are rough" : "")}");
        output.WriteLine($"- peer: WireMock.Net static stub, admin interface off, journal limit {options.JournalLimit:N0} (the row \"{PeerAdmin}\" has it on, like the fake)");
        output.WriteLine();
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug (figures are not representative: use -c Release)";
#else
        "Release";
#endif

    private void PrintReport(TimeSpan elapsed)
    {
        PrintSweep();
        PrintStartupAndFleet();
        PrintThroughput();
        PrintGetMeetingsCost();
        PrintMemory();
        PrintVerdicts();
        if (_notes.Count > 0)
        {
            output.WriteLine("## Notes");
            output.WriteLine();
            foreach (var note in _notes)
            {
                output.WriteLine($"- {note}");
            }

            output.WriteLine();
        }

        output.WriteLine($"Benchmark ran for {elapsed.TotalSeconds:0} s.");
    }

    private Row? Find(string target, string call, int meetings) =>
        _rows.FirstOrDefault(r => r.Target == target && r.Call == call && r.Meetings == meetings);

    private double Ratio(Row row, string baseline)
    {
        var other = Find(baseline, row.Call, row.Meetings);
        return other is null ? double.NaN : row.Result.RequestsPerSecond / other.Result.RequestsPerSecond;
    }

    private void PrintThroughput()
    {
        output.WriteLine("## Throughput and latency");
        output.WriteLine();
        output.WriteLine("Ratios are req/s of the row divided by req/s of the floor (or peer) for the same call, meeting count and answer bytes. alloc/request, GC pause (share of the measured time) and gen2 GCs are process-wide (generator and servers together), so only their differences between targets belong to the target.");
        output.WriteLine();
        var table = new Table("target", "scenario", "meetings", "answer bytes", "requests", "req/s", "p50 ms", "p99 ms", "ratio to floor", "ratio to peer", "alloc/request", "GC pause", "gen2 GCs", "errors");
        foreach (var row in _rows)
        {
            var r = row.Result;
            table.Add(
                row.Target,
                row.Call,
                row.Meetings.ToString("N0"),
                r.AverageBytes.ToString("N0"),
                r.Requests.ToString("N0"),
                r.RequestsPerSecond.ToString("N0"),
                Ms(r.P50Ms),
                Ms(r.P99Ms),
                Ratio(row, Floor).ToString("0.00"),
                Ratio(row, Peer).ToString("0.00"),
                Kb(r.AllocatedPerRequest),
                r.GcPauseShare.ToString("0%"),
                r.Gc.Gen2Collections.ToString("N0"),
                r.Errors == 0 ? "0" : $"{r.Errors:N0} ({r.FirstError})");
        }

        table.WriteTo(output);
    }

    private void PrintGetMeetingsCost()
    {
        output.WriteLine("## getMeetings cost against meetings");
        output.WriteLine();
        output.WriteLine($"With {options.Concurrency} requests in flight (the runs above), ms/request is the wall time per request (1 / req/s). One request at a time (one worker, fake and floor in turn), the median latency is the cost of a request alone, without {options.Concurrency} large answers competing for the cores and their caches; the verdict uses it. Linear growth shows as a flat \"ms per 1,000 meetings\" at large N and a growth exponent (log of the cost ratio over log of the meeting ratio, against the previous row) of about 1 or less; the floor's columns (the same bytes from a fixed array) show what moving the bytes alone costs.");
        output.WriteLine();
        var table = new Table("meetings", "answer bytes", $"fake ms/request, {options.Concurrency} in flight", "growth exponent", "floor ms/request (same bytes)", "floor growth exponent", "fake median ms, one at a time", "fake median ms per 1,000 meetings", "growth exponent, one at a time", "floor median ms, one at a time");
        Row? previous = null;
        SerialFigures? previousSerial = null;
        foreach (var row in _rows.Where(r => r.Target == Fake && r.Call == GetMeetings))
        {
            var floor = Find(Floor, GetMeetings, row.Meetings);
            var previousFloor = previous is null ? null : Find(Floor, GetMeetings, previous.Meetings);
            var serial = _serial.FirstOrDefault(x => x.Meetings == row.Meetings);
            table.Add(
                row.Meetings.ToString("N0"),
                row.Result.AverageBytes.ToString("N0"),
                row.Result.MsPerRequest.ToString("0.000"),
                previous is null ? "" : Exponent(previous.Meetings, previous.Result, row.Meetings, row.Result).ToString("0.00"),
                floor?.Result.MsPerRequest.ToString("0.000") ?? "-",
                previousFloor is null || floor is null ? "" : Exponent(previous!.Meetings, previousFloor.Result, row.Meetings, floor.Result).ToString("0.00"),
                serial?.Fake.P50Ms.ToString("0.000") ?? "-",
                serial is null ? "-" : (serial.Fake.P50Ms / (row.Meetings / 1_000.0)).ToString("0.000"),
                previousSerial is null || serial is null ? "" : MedianExponent(previousSerial.Meetings, previousSerial.Fake, serial.Meetings, serial.Fake).ToString("0.00"),
                serial?.Floor.P50Ms.ToString("0.000") ?? "-");
            previous = row;
            previousSerial = serial;
        }

        table.WriteTo(output);
    }

    private static double Exponent(int fromMeetings, LoadResult from, int toMeetings, LoadResult to) =>
        Math.Log(to.MsPerRequest / from.MsPerRequest) / Math.Log((double)toMeetings / fromMeetings);

    /// <summary>One request at a time, the median latency is the cost of a request; unlike the mean it is not
    /// moved by the odd request that meets a full GC.</summary>
    private static double MedianExponent(int fromMeetings, LoadResult from, int toMeetings, LoadResult to) =>
        Math.Log(to.P50Ms / from.P50Ms) / Math.Log((double)toMeetings / fromMeetings);

    private void PrintMemory()
    {
        output.WriteLine("## Memory");
        output.WriteLine();
        output.WriteLine($"Heap is the managed heap after a forced full compacting GC; RSS is VmRSS from /proc/self/status. Per meeting = (reading - reading before the fake started - the cost of an empty fake) / meetings, the empty fake costing {Mb(_overhead.HeapBytes)} heap, {Mb(_overhead.RssBytes)} RSS: \"populated\" right after the start, \"serving\" after one getMeetings (the fake builds its read snapshots of meetings and attendees on first read). The largest N gives the most reliable figures; RSS moves in steps of megabytes, so a delta under {RssNoise / 1_048_576} MB is shown as noise. \"After load\" is read once the N's scenarios are over, with the fake still running: what the process keeps after serving them, the fake's journal (whose response bodies total \"journal bodies\") and the buffer pools of the generator and the servers included.");
        output.WriteLine();
        var table = new Table("meetings", "attendees each", "populate s", "heap before", "heap serving", "heap per meeting, populated", "heap per meeting, serving", "RSS before", "RSS serving", "RSS per meeting, serving", "heap after load", "RSS after load", "journal entries", "journal bodies");
        foreach (var p in _populations)
        {
            table.Add(
                p.Meetings.ToString("N0"),
                options.AttendeesPerMeeting.ToString("N0"),
                p.Seconds.ToString("0.00"),
                Mb(p.Before.HeapBytes),
                Mb(p.Serving.HeapBytes),
                Bytes((p.After.HeapBytes - p.Before.HeapBytes - _overhead.HeapBytes) / (double)p.Meetings),
                Bytes((p.Serving.HeapBytes - p.Before.HeapBytes - _overhead.HeapBytes) / (double)p.Meetings),
                Mb(p.Before.RssBytes),
                Mb(p.Serving.RssBytes),
                RssPerMeeting(p),
                Mb(p.Loaded.HeapBytes),
                Mb(p.Loaded.RssBytes),
                p.Journal.ToString("N0"),
                Mb(p.JournalBodyBytes));
        }

        table.WriteTo(output);

        if (_soak is { } soak)
        {
            output.WriteLine($"Resident memory around {soak.Result.Requests:N0} signed getMeetingInfo requests (random existing meetings; {soak.Result.RequestsPerSecond:N0} req/s, {soak.Result.Errors:N0} errors) to a fake with {soak.Meetings:N0} meetings, started alone for this and first sent {soak.Settle:N0} such requests to fill its journal; each reading is taken after a forced full GC. Growth near zero means nothing accumulates per request.");
            output.WriteLine();
            var t = new Table("", "heap", "RSS", "journal entries");
            t.Add("before", Mb(soak.Before.HeapBytes), Mb(soak.Before.RssBytes), soak.JournalBefore.ToString("N0"));
            t.Add("after", Mb(soak.After.HeapBytes), Mb(soak.After.RssBytes), soak.JournalAfter.ToString("N0"));
            t.Add("growth", Mb(soak.After.HeapBytes - soak.Before.HeapBytes), Mb(soak.After.RssBytes - soak.Before.RssBytes), (soak.JournalAfter - soak.JournalBefore).ToString("N0"));
            t.WriteTo(output);
        }
    }

    private void PrintVerdicts()
    {
        output.WriteLine("## Targets");
        output.WriteLine();
        PrintSweepVerdicts();
        PrintStartupAndFleetVerdicts();
        var smallest = options.Meetings[0];
        foreach (var call in new[] { GetMeetingInfo, GetMeetings })
        {
            if (Find(Fake, call, smallest) is { } row)
            {
                var floorRatio = Ratio(row, Floor);
                Verdict(floorRatio >= 0.5, $"fake {call} with {smallest:N0} meetings at least half the floor's throughput: {floorRatio:0.00} x floor");
                var peerRatio = Ratio(row, Peer);
                Verdict(peerRatio >= 1.0, $"fake {call} with {smallest:N0} meetings not below the static WireMock stub: {peerRatio:0.00} x peer");
            }
        }

        if (Find(FakeNoAdmin, GetMeetingInfo, smallest) is { } embedded)
        {
            Verdict(Ratio(embedded, Floor) >= 0.5, $"embedded-target configuration (admin interface off), getMeetingInfo with {smallest:N0} meetings at least half the floor's throughput: {Ratio(embedded, Floor):0.00} x floor");
            Verdict(Ratio(embedded, Peer) >= 1.0, $"embedded-target configuration (admin interface off), getMeetingInfo with {smallest:N0} meetings not below the static WireMock stub (admin off too): {Ratio(embedded, Peer):0.00} x peer");
        }

        if (Find(Fake, GetMeetingInfo, smallest) is { } fake && Find(PeerAdmin, GetMeetingInfo, smallest) is { } adminPeer)
        {
            var ratio = fake.Result.RequestsPerSecond / adminPeer.Result.RequestsPerSecond;
            Verdict(ratio >= 1.0, $"defaults (admin interface on), getMeetingInfo with {smallest:N0} meetings not below the static WireMock stub with its admin interface on too: {ratio:0.00} x that stub");
        }

        if (_serial.Count >= 2)
        {
            var (from, to) = (_serial[^2], _serial[^1]);
            var alone = MedianExponent(from.Meetings, from.Fake, to.Meetings, to.Fake);
            var loaded = Exponent(from.Meetings, Find(Fake, GetMeetings, from.Meetings)!.Result, to.Meetings, Find(Fake, GetMeetings, to.Meetings)!.Result);
            var floorLoaded = Exponent(from.Meetings, Find(Floor, GetMeetings, from.Meetings)!.Result, to.Meetings, Find(Floor, GetMeetings, to.Meetings)!.Result);
            Verdict(alone <= LinearTolerance, $"getMeetings cost growing no faster than linearly: exponent {alone:0.00} from {from.Meetings:N0} to {to.Meetings:N0} meetings, one request at a time (linear = 1.00, allowed up to {LinearTolerance:0.00} for noise); with {options.Concurrency} in flight {loaded:0.00}, the floor moving the same bytes {floorLoaded:0.00}");
        }
        else
        {
            output.WriteLine("- getMeetings growth: not measured (give at least two meeting counts)");
        }
        output.WriteLine();
        output.WriteLine("These verdicts are informative: the figures move with the machine's load, so no test asserts them.");
        output.WriteLine();
    }

    /// <summary>Exponent above 1 still called linear: cost ratios on a shared 2-core machine move by 10% run to run.</summary>
    private const double LinearTolerance = 1.10;

    private void Verdict(bool met, string text) => output.WriteLine($"- {(met ? "met" : "NOT met")}: {text}");

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms < 10 ? ms.ToString("0.00") : ms.ToString("N0");

    private static string Mb(long bytes) => bytes < 0 && bytes > -1_048_576 / 10 ? "0.0 MB" : $"{bytes / 1_048_576.0:N1} MB";

    /// <summary>RSS moves in steps of megabytes: below <see cref="RssNoise"/> the delta says nothing per meeting.</summary>
    private string RssPerMeeting(PopulationFigures p)
    {
        var delta = p.Serving.RssBytes - p.Before.RssBytes - _overhead.RssBytes;
        return Math.Abs(delta) < RssNoise ? "(noise)" : Bytes(delta / (double)p.Meetings);
    }

    private const long RssNoise = 4 * 1_048_576;

    private static string Kb(double bytes) => double.IsNaN(bytes) ? "-" : $"{bytes / 1_024:N1} KB";

    private static string Bytes(double bytes) => double.IsNaN(bytes) || double.IsInfinity(bytes) ? "-" : $"{bytes:N0} B";

    private sealed record Row(string Target, string Call, int Meetings, LoadResult Result);

    /// <summary>getMeetings with one request at a time: the fake, and the floor with the same bytes.</summary>
    private sealed record SerialFigures(int Meetings, LoadResult Fake, LoadResult Floor);

    private sealed record PopulationFigures(int Meetings, double Seconds, MemorySnapshot Before, MemorySnapshot After, MemorySnapshot Serving, MemorySnapshot Loaded, int Journal, long JournalBodyBytes);

    private sealed record SoakFigures(int Meetings, LoadResult Result, long Settle, MemorySnapshot Before, MemorySnapshot After, int JournalBefore, int JournalAfter);
}
