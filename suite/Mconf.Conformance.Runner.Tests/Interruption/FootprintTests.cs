using System.Diagnostics;
using Mconf.Conformance.Runner.Tests.Support;

namespace Mconf.Conformance.Runner.Tests.Interruption;

/// <summary>The bound on the run's live meetings and the request rate, measured on the target's side: a proxy in front
/// of the fake counts the run's meetings live at each moment (a create counts once the fake answered SUCCESS, an
/// end uncounts once it answered, so the count can only be high, never low) and every request it forwards.</summary>
[NonParallelizable]
public sealed class FootprintTests : TempFolderPerTest
{
    [Test]
    [CancelAfter(120_000)]
    public async Task MaxLiveMeetings_HoldsOnTheTarget_AndTheReportsCountWhatTheTargetSaw()
    {
        var counter = new LiveCounter();
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), counter.Mutation);

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret,
            "--max-live-meetings", "3", "--parallel", "8");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        counter.Max.ShouldBeLessThanOrEqualTo(3, "more of the run's meetings were live at once than --max-live-meetings 3");
        counter.Max.ShouldBeGreaterThanOrEqualTo(2, "the measurement saw no concurrency at all");
        counter.Live.ShouldBe(0, "the run left meetings running");
        var footprint = run.Results.Footprint!;
        footprint.MaxLiveBound.ShouldBe(3);
        footprint.MaxLiveMeetings.ShouldBeLessThanOrEqualTo(3);
        footprint.MeetingsCreated.ShouldBe(counter.Created);
        footprint.RequestsSent.ShouldBe(counter.Requests);
        run.Stdout.ShouldContain($"footprint: {footprint.MeetingsCreated} meetings created, at most {footprint.MaxLiveMeetings} live at once (bound 3), {footprint.RequestsSent} requests sent");
        File.ReadAllText(Path.Combine(run.ReportFolder!, "summary.md")).ShouldContain("Footprint on the target");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task WithoutATightBound_MoreMeetingsAreLive_SoTheMeasurementCanSeeABreach()
    {
        var counter = new LiveCounter();
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), counter.Mutation);

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret,
            "--max-live-meetings", "40", "--parallel", "8", "--only", "create/*,join/*,end/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        counter.Max.ShouldBeGreaterThan(3);
        counter.Max.ShouldBeLessThanOrEqualTo(40);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task MaxRate_SpacesTheRequests()
    {
        var counter = new LiveCounter();
        using var target = BrokenTargets.Start(BrokenTargets.DefaultOptions(), counter.Mutation);
        var watch = Stopwatch.StartNew();

        var run = await RunnerHarness.CertifyAsync(Folder.Path, null, "--target", target.BaseUrl, "--secret", target.Secret,
            "--max-rate", "50", "--only", "getMeetings/*");

        run.ExitCode.ShouldBe(ExitCodes.Conformant, run.Console);
        counter.Requests.ShouldBeGreaterThan(10);
        run.Results.Footprint!.RequestsSent.ShouldBe(counter.Requests);
        run.Results.Footprint.MaxRequestsPerSecond.ShouldBe(50);
        // n requests at most 50 a second, each spaced 20 ms from the one before.
        counter.Span.TotalSeconds.ShouldBeGreaterThanOrEqualTo((counter.Requests - 1) / 50.0 * 0.95);
        watch.Elapsed.TotalSeconds.ShouldBeGreaterThanOrEqualTo((counter.Requests - 1) / 50.0 * 0.95);
    }

    /// <summary>Counts through a proxy mutation that changes nothing.</summary>
    private sealed class LiveCounter
    {
        private readonly Lock _lock = new();
        private readonly HashSet<string> _live = new(StringComparer.Ordinal);
        private readonly HashSet<string> _created = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _first;
        private TimeSpan _last;
        private int _requests;
        private int _max;

        public LiveCounter()
        {
            Mutation = new Mutation("live-counter", Request: Count, Response: Observe);
        }

        public Mutation Mutation { get; }

        public int Max { get { lock (_lock) { return _max; } } }

        public int Live { get { lock (_lock) { return _live.Count; } } }

        public int Created { get { lock (_lock) { return _created.Count; } } }

        public int Requests { get { lock (_lock) { return _requests; } } }

        /// <summary>From the first request to the last.</summary>
        public TimeSpan Span { get { lock (_lock) { return _last - (_first ?? _last); } } }

        private ProxyRequest Count(ProxyRequest request)
        {
            lock (_lock)
            {
                _requests++;
                _first ??= _clock.Elapsed;
                _last = _clock.Elapsed;
            }

            return request;
        }

        private ProxyResponse Observe(ProxyRequest request, ProxyResponse response)
        {
            var id = QueryString.Parse(request.RawQuery).FirstOrDefault(p => p.Key == "meetingID").Value;
            if (id is null || !id.StartsWith("mconf-conformance-", StringComparison.Ordinal))
            {
                return response;
            }

            var success = response.Body.Contains("<returncode>SUCCESS</returncode>", StringComparison.Ordinal);
            lock (_lock)
            {
                if (request.Call == "create")
                {
                    _created.Add(id);
                    if (success)
                    {
                        _live.Add(id);
                        _max = Math.Max(_max, _live.Count);
                    }
                }
                else if (request.Call == "end" && (success || response.Body.Contains("<messageKey>notFound</messageKey>", StringComparison.Ordinal)))
                {
                    _live.Remove(id);
                }
            }

            return response;
        }
    }
}
