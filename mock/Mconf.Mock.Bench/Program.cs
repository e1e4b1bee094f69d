using Mconf.Mock.Bench;

// Figures go to stdout (Markdown), progress to stderr: `bench/fake-server.sh > results.md` keeps only the report.
var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine();
        Console.Error.WriteLine(BenchOptions.Usage);
        return 2;
    }

    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

try
{
    await new Benchmark(options, Console.Out, Console.Error).RunAsync().ConfigureAwait(false);
    return 0;
}
#pragma warning disable CA1031 // The harness's last resort: whatever stopped it, say so and exit 1.
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"benchmark could not measure: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(e.StackTrace);
    return 1;
}
