using Mconf.Mock.Bench;

// Figures go to stdout (Markdown), progress to stderr: `bench/fake-server.sh > results.md` keeps only the report.
var command = BenchOptions.Command(async options =>
{
    try
    {
        await new Benchmark(options, Console.Out, Console.Error).RunAsync().ConfigureAwait(false);
        return 0;
    }
#pragma warning disable CA1031 // The harness's last resort: whatever stopped it, say so and exit 1.
    catch (Exception e)
#pragma warning restore CA1031
    {
        await Console.Error.WriteLineAsync($"benchmark could not measure: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        await Console.Error.WriteLineAsync(e.StackTrace).ConfigureAwait(false);
        return 1;
    }
});

// System.CommandLine answers a bad option with exit code 1 by default; the kit's convention is 2.
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
    return 2;
}

return await parsed.InvokeAsync().ConfigureAwait(false);
