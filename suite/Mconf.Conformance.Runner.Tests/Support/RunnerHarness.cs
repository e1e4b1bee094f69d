namespace Mconf.Conformance.Runner.Tests.Support;

/// <summary>One in-process invocation of the runner: exit code, everything printed, and the reports it wrote.</summary>
internal sealed record RunnerRun(int ExitCode, string Stdout, string Stderr, string OutRoot)
{
    /// <summary>The closing line: on stderr for exit 2, on stdout otherwise.</summary>
    public string LastLine => LastNonEmpty(ExitCode == ExitCodes.CouldNotRun ? Stderr : Stdout);

    public string Console => Stdout + Stderr;

    public string? ReportFolder => Mconf.Conformance.Runner.Reports.ReportFolder.ResolveLatest(OutRoot);

    public ResultsDocument Results =>
        ResultsJsonWriter.Read(System.IO.Path.Combine(ReportFolder ?? throw new InvalidOperationException("no report was written"), ResultsJsonWriter.FileName));

    private static string LastNonEmpty(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

internal static class RunnerHarness
{
    /// <summary>Runs a certification (or --list) with <c>--out</c> set to <paramref name="outRoot"/>, with an
    /// environment of only <paramref name="environment"/>, never the test process's own variables.</summary>
    public static Task<RunnerRun> CertifyAsync(string outRoot, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        InvokeAsync(outRoot, environment, [.. args, "--out", outRoot]);

    public static async Task<RunnerRun> InvokeAsync(string outRoot, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var context = new RunnerContext { Environment = environment ?? new Dictionary<string, string?>() };
        var code = await Runner.RunAsync(args, stdout, stderr, context, timeout.Token).ConfigureAwait(false);
        return new RunnerRun(code, stdout.ToString(), stderr.ToString(), outRoot);
    }
}
