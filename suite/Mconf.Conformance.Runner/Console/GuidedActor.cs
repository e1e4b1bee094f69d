using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Console;

/// <summary>The guided presence session: tells a person at the console what to do, one step at a time, in plain
/// words with the join link to open, and waits for Enter (done) or "skip". The join links carry a checksum valid
/// for that one join; they are shown here only, never written to a report.</summary>
internal sealed class GuidedActor(TextReader input, TextWriter output) : IPresenceActor
{
    public async Task<string?> PerformAsync(PresenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action == PresenceSessionSteps.MeetingEnded)
        {
            await output.WriteLineAsync("The runner ended the meeting: you can close the browsers.").ConfigureAwait(false);
            return null;
        }

        await output.WriteLineAsync($"\nStep {request.Action}: {request.Instruction}").ConfigureAwait(false);
        if (request.Action.StartsWith("join-", StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"  Join link for {request.FullName}: {request.JoinUrl}").ConfigureAwait(false);
        }

        await output.WriteLineAsync("  Press Enter once it is done, or type skip and Enter to leave the step out.").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        // A console read does not observe cancellation: wait for it beside the token, so Ctrl-C ends the session
        // (and its meeting) at once instead of after the next Enter.
        var line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return "no answer on the console (end of input)";
        }

        return line.Trim().ToLowerInvariant() is "skip" or "s" ? "left out by the person at the console" : null;
    }
}
