using System.Diagnostics;
using System.Globalization;

namespace Mconf.Conformance.Presence;

/// <summary>Plays the users with a program: runs <c>COMMAND ACTION JOIN_URL USER_ID MEETING_ID</c> through
/// <c>/bin/sh</c> (so COMMAND may carry its own arguments) for each step, with the same values in
/// <c>MCONF_PRESENCE_*</c> variables, and waits for it to exit. Exit 0 = done; anything else skips the step with the
/// first line the driver wrote to stderr. A driver gets at least a minute per action (a browser bot starts slowly),
/// or the step timeout when longer. Cancelling kills the driver's whole process tree.</summary>
public sealed class DriverActor(string command, TimeSpan stepTimeout) : IPresenceActor
{
    private readonly TimeSpan _limit = stepTimeout > TimeSpan.FromMinutes(1) ? stepTimeout : TimeSpan.FromMinutes(1);

    /// <summary>The driver command, run through <c>/bin/sh</c>.</summary>
    public string Command { get; } = command;

    /// <summary>A driver also takes the generic action <c>connect</c> for the cases that need a connected attendee.</summary>
    public bool ConnectsClients => true;

    /// <summary>Runs the driver for the step; null when it exited 0, else the reason it did not.</summary>
    public async Task<string?> PerformAsync(PresenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", Command + " \"$@\"", "mconf-presence-driver", request.Action, request.JoinUrl, request.UserId, request.MeetingId })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MCONF_PRESENCE_ACTION"] = request.Action;
        start.Environment["MCONF_PRESENCE_JOIN_URL"] = request.JoinUrl;
        start.Environment["MCONF_PRESENCE_USER"] = request.UserId;
        start.Environment["MCONF_PRESENCE_FULL_NAME"] = request.FullName;
        start.Environment["MCONF_PRESENCE_MEETING_ID"] = request.MeetingId;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"the driver could not start: {ex.Message}";
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return $"the driver did not finish '{request.Action}' within {_limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
        }

        await stdout.ConfigureAwait(false);
        var error = (await stderr.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return process.ExitCode == 0
            ? null
            : $"the driver exited {process.ExitCode.ToString(CultureInfo.InvariantCulture)}{(error is null ? "" : ": " + error)}";
    }
}
