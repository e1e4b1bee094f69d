using Mconf.Conformance.Runner;

// The first Ctrl+C cancels the run: the engine still ends the meetings it created, then the runner exits 2.
// A second one ends the process at once.
using var cancellation = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
var colour = !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
return await Runner.RunAsync(args, System.Console.Out, System.Console.Error, new RunnerContext { Colour = colour }, cancellation.Token);
