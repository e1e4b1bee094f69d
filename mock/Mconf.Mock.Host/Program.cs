using Mconf.Mock.Host;

// Standalone fake Mconf-Live server: ./mock/run.sh --port 8090 --secret S --seed 42 (see mock/README.md);
// ./mock/run.sh --servers 20 for a fleet.
var arguments = new HostArguments();
var command = arguments.Command(result => HostRun.RunAsync(arguments, result));
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync("mconf-fake: " + error.Message).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
    return 2;
}

return await parsed.InvokeAsync().ConfigureAwait(false);
