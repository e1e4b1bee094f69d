using Mconf.Conformance.Runner;

// The first Ctrl+C cancels the run: the engine still ends the meetings it created, then the runner exits 2.
// A second one ends the process at once.
using var cancellation = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await Runner.RunAsync(args, System.Console.Out, System.Console.Error, cancellationToken: cancellation.Token);
