namespace Mconf.Mock.Bench;

/// <summary>The defaults-by-connections comparison: with the fake's defaults (admin interface on, journal on, user mappings
/// allowed), signed getMeetingInfo and getMeetings at 1, 16 and 64 connections against the floor, the static
/// stub with its admin interface off and on, and the same fake with every request going through WireMock's
/// matching (DirectAnswers = false, the wiring before), all taking turns in each round.</summary>
internal sealed partial class Benchmark
{
    private const string FakeViaWireMock = "fake, through WireMock (DirectAnswers=false)";

    private readonly List<SweepRow> _sweep = [];

    private async Task SweepConnectionsAsync(FloorServer floor, HttpClient setup)
    {
        var meetings = options.Meetings[0];
        using var fake = FakeTarget.Start(options, meetings, o => o.JournalLimit = new FakeServerOptions().JournalLimit);
        using var before = FakeTarget.Start(options, meetings, o =>
        {
            o.JournalLimit = new FakeServerOptions().JournalLimit;
            o.DirectAnswers = false;
        });
        var prepared = await PrepareAsync(fake, setup, meetings).ConfigureAwait(false);
        var preparedBefore = await PrepareAsync(before, setup, meetings).ConfigureAwait(false);
        foreach (var (call, urls, answer, urlsBefore) in new[]
        {
            (GetMeetingInfo, prepared.InfoUrls, prepared.InfoAnswer, preparedBefore.InfoUrls),
            (GetMeetings, [prepared.MeetingsUrl], prepared.MeetingsAnswer, [preparedBefore.MeetingsUrl]),
        })
        {
            floor.Answer = answer;
            var path = "/bigbluebutton/api/" + call;
            using var peer = PeerServer.Start(path, answer, options.JournalLimit);
            using var adminPeer = PeerServer.Start(path, answer, options.JournalLimit, adminInterface: true);
            (string Name, List<Uri> Urls)[] targets =
            [
                (Floor, Rebase(urls, floor.BaseAddress)),
                (Peer, Rebase(urls, peer.BaseAddress)),
                (PeerAdmin, Rebase(urls, adminPeer.BaseAddress)),
                (Fake, [.. urls]),
                (FakeViaWireMock, [.. urlsBefore]),
            ];
            foreach (var connections in options.Connections)
            {
                var samples = targets.ToDictionary(t => t.Name, _ => new List<LoadSample>());
                var seconds = options.DurationSeconds / options.Rounds;
                for (var round = 0; round < options.Rounds; round++)
                {
                    for (var k = 0; k < targets.Length; k++)
                    {
                        var (name, targetUrls) = targets[(round + k) % targets.Length];
                        progress.WriteLine($"[bench] {call}, {connections} connection(s): {name} (round {round + 1}/{options.Rounds})");
                        var spec = new LoadSpec(targetUrls, connections, options.WarmupSeconds, seconds, options.MaxRequestsPerScenario, options.Seed + round, Success);
                        samples[name].Add(await LoadGenerator.RunAsync(spec).ConfigureAwait(false));
                    }
                }

                foreach (var (name, _) in targets)
                {
                    _sweep.Add(new SweepRow(call, connections, name, LoadResult.Combine(samples[name])));
                }
            }
        }
    }

    private SweepRow? FindSweep(string call, int connections, string target) =>
        _sweep.FirstOrDefault(r => r.Call == call && r.Connections == connections && r.Target == target);

    private double SweepRatio(SweepRow row, string baseline) =>
        FindSweep(row.Call, row.Connections, baseline) is { } other && other.Result.RequestsPerSecond > 0 ? row.Result.RequestsPerSecond / other.Result.RequestsPerSecond : double.NaN;

    private void PrintSweep()
    {
        if (_sweep.Count == 0)
        {
            return;
        }

        output.WriteLine("## Defaults by connections");
        output.WriteLine();
        output.WriteLine($"The fake with its defaults (admin interface on, journal limit {new FakeServerOptions().JournalLimit}, user mappings allowed), {options.Meetings[0]:N0} meetings; floor, stub (admin off), stub (admin on), fake and the fake through WireMock take turns in each of {options.Rounds} round(s), {options.DurationSeconds:0.##} s measured per row. Ratios are req/s against the floor and against the static WireMock stub with its admin interface on.");
        output.WriteLine();
        var table = new Table("call", "connections", "target", "requests", "req/s", "p50 ms", "p99 ms", "x floor", "x stub admin on", "alloc/request", "errors");
        foreach (var row in _sweep)
        {
            var r = row.Result;
            table.Add(row.Call, row.Connections.ToString("N0"), row.Target, r.Requests.ToString("N0"), r.RequestsPerSecond.ToString("N0"), Ms(r.P50Ms), Ms(r.P99Ms),
                SweepRatio(row, Floor).ToString("0.00"), SweepRatio(row, PeerAdmin).ToString("0.00"), Kb(r.AllocatedPerRequest), r.Errors == 0 ? "0" : $"{r.Errors:N0} ({r.FirstError})");
        }

        table.WriteTo(output);
    }

    private void PrintSweepVerdicts()
    {
        foreach (var call in new[] { GetMeetingInfo, GetMeetings })
        {
            foreach (var connections in options.Connections)
            {
                if (FindSweep(call, connections, Fake) is not { } row)
                {
                    continue;
                }

                var floorRatio = SweepRatio(row, Floor);
                var peerRatio = SweepRatio(row, PeerAdmin);
                Verdict(floorRatio >= 0.6 && peerRatio >= 1.2, $"defaults, {call}, {connections} connection(s): {floorRatio:0.00} x floor (target 0.6), {peerRatio:0.00} x the stub with its admin interface on (target 1.2); p50 {Ms(row.Result.P50Ms)} ms, p99 {Ms(row.Result.P99Ms)} ms");
            }
        }
    }

    private sealed record SweepRow(string Call, int Connections, string Target, LoadResult Result);
}
