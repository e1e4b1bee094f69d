using System.Runtime.InteropServices;
using Mconf.Conformance.Runner;

// The first SIGINT (Ctrl+C), SIGTERM (what CI systems send to cancel a job) or SIGHUP cancels the run: the engine
// ends the meetings it created within a few seconds, the partial reports are written, and the runner exits
// ExitCodes.Interrupted. A second signal ends the process at once (the cleanup command removes what it leaves).
using var cancellation = new CancellationTokenSource();
var registrations = new List<PosixSignalRegistration>();
foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
{
    try
    {
        registrations.Add(PosixSignalRegistration.Create(signal, context =>
        {
            if (cancellation.IsCancellationRequested)
            {
                return; // the default action: terminate now
            }

            context.Cancel = true;
            System.Console.Error.WriteLine($"{context.Signal} received: ending the run's meetings and writing partial reports (send it again to stop at once)");
            cancellation.Cancel();
        }));
    }
    catch (PlatformNotSupportedException)
    {
        // Not every signal exists on every platform (SIGHUP on some Windows hosts); the others still work.
    }
}

try
{
    // Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    var colour = !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    return await Runner.RunAsync(args, System.Console.Out, System.Console.Error, new RunnerContext { Colour = colour }, cancellation.Token);
}
finally
{
    foreach (var registration in registrations)
    {
        registration.Dispose();
    }
}
