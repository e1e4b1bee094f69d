using Mconf.Spec;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Tests.Support;

/// <summary>Runs the engine against a test target and reads the fake directly.</summary>
internal static class SuiteRun
{
    private static int _runs;

    public static RunOptions Options(TestTarget target, CaseTier tier = CaseTier.Lifecycle, string? url = null) =>
        Options(url ?? target.BaseUrl, target.Secret, tier);

    /// <summary>Options for any target URL; run IDs differ per run (a counter and a fixed seed, no wall clock).</summary>
    public static RunOptions Options(string url, string secret, CaseTier tier = CaseTier.Lifecycle) => new()
    {
        TargetUrl = url,
        Secret = secret,
        RunId = "t" + Interlocked.Increment(ref _runs).ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Seed = 42,
        Tier = tier,
        Parallelism = 8,
        RequestTimeout = TimeSpan.FromSeconds(20),
        Embedded = true,
    };

    public static Task<RunOutcome> RunAsync(TestTarget target, CaseTier tier = CaseTier.Lifecycle, IReadOnlyList<ConformanceCase>? cases = null,
        string? url = null, Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default) =>
        RunAsync(Options(target, tier, url), cases, onResult, cancellationToken);

    public static async Task<RunOutcome> RunAsync(RunOptions options, IReadOnlyList<ConformanceCase>? cases = null,
        Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        // Bounded: the test's [CancelAfter] token, and four minutes at most whatever the caller passed.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, TestContext.CurrentContext.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        return await ConformanceEngine.RunAsync(options, cases, onResult, timeout.Token);
    }

    public static IReadOnlyList<ConformanceCase> CasesOfCall(string call) => [.. CaseCatalog.All.Where(c => c.Call == call)];

    /// <summary>The cases of every call that has a case about <paramref name="specId"/> (answer keys such as
    /// error/noStats belong to no call by their ID).</summary>
    public static IReadOnlyList<ConformanceCase> CasesAbout(string specId)
    {
        var calls = CaseCatalog.All.Where(c => c.SpecId == specId).Select(c => c.Call).ToHashSet(StringComparer.Ordinal);
        return [.. CaseCatalog.All.Where(c => calls.Contains(c.Call))];
    }

    public static string Describe(IEnumerable<CaseResult> results) =>
        string.Join("\n\n", results.Select(r => $"[{r.Verdict}] {r.Message}"));

    /// <summary>The documented Mconf-Live deltas a mutant can take away: every mconf-live spec ID that a case checks,
    /// except elements the spec marks optional (a missing optional element is legitimately absent) and fields the
    /// wiki does not document.</summary>
    public static IEnumerable<string> DeltaIds()
    {
        var spec = SpecCatalog.Load();
        return CaseCatalog.All.Where(c => c.Layer == Origin.MconfLive)
            .GroupBy(c => c.SpecId)
            .Where(g => g.Any(c => c.Kind != "element" || c.OptionalArg("presence") == "always"))
            .Where(g => spec.Find(g.Key) switch
            {
                ElementSpec e => e.InWiki || g.Any(c => c.Kind != "element"),
                ParamSpec p => p.InWiki,
                _ => true,
            })
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Meetings the fake lists (read directly, not through any proxy): ID and whether forcibly ended.</summary>
    public static async Task<IReadOnlyList<(string Id, bool Ended)>> FakeMeetingsAsync(TestTarget target)
    {
        using var http = new HttpClient();
        var endpoint = ApiEndpoint.Parse(target.FakeUrl);
        var url = new RequestSigner(target.Secret).Url(endpoint, "getMeetings", []);
        var xml = BbbResponse.Parse(await http.GetStringAsync(url));
        return [.. xml.Select("meetings/meeting").Select(m => (BbbResponse.Value(m, "meetingID") ?? "", BbbResponse.Value(m, "hasBeenForciblyEnded") == "true"))];
    }
}
