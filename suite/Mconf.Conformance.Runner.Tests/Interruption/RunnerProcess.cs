using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Runner.Tests.Interruption;

/// <summary>The runner as a real process (the same build the test references, run by the dotnet host), so signals
/// reach it as they do in CI. Counts the progress lines as they come, to signal it at a chosen point of the run.</summary>
internal sealed class RunnerProcess : IDisposable
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private int _caseLines;
    private string? _runId;

    private RunnerProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public int CaseLines => Volatile.Read(ref _caseLines);

    /// <summary>The run ID from the runner's "run ID: ..." line (null until printed).</summary>
    public string? RunId => Volatile.Read(ref _runId);

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static RunnerProcess Start(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = ProgramRun.StartInfo(dotnet, [typeof(Runner).Assembly.Location, .. args], null, null, clearEnvironment: false);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MCONF_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        var process = new Process { StartInfo = info };
        var runner = new RunnerProcess(process);
        process.OutputDataReceived += (_, e) => runner.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (runner._stderr)
            {
                runner._stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Waits until the run printed <paramref name="caseLines"/> case lines (0: its "run ..." line); false if it ended first.</summary>
    public async Task<bool> WaitForCasesAsync(int caseLines, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (RunId is not null && CaseLines >= caseLines)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The exit code, or null if the process did not end within <paramref name="limit"/> (then it is killed).</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return null;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public string Describe() => $"--- stdout\n{Tail(Stdout)}\n--- stderr\n{Tail(Stderr)}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The meetings of <paramref name="baseUrl"/> (signed getMeetings), with whether each was forcibly ended.</summary>
    public static async Task<IReadOnlyList<(string Id, bool Ended)>> MeetingsAsync(string baseUrl, string secret)
    {
        using var http = new HttpClient();
        var url = new RequestSigner(secret).Url(ApiEndpoint.Parse(baseUrl), "getMeetings", []);
        var xml = BbbResponse.Parse(await http.GetStringAsync(url));
        return [.. xml.Select("meetings/meeting").Select(m => (BbbResponse.Value(m, "meetingID") ?? "", BbbResponse.Value(m, "hasBeenForciblyEnded") == "true"))];
    }

    /// <summary>Creates a meeting on the target directly (not through the kit).</summary>
    public static async Task CreateAsync(string baseUrl, string secret, string meetingId)
    {
        using var http = new HttpClient();
        var url = new RequestSigner(secret).Url(ApiEndpoint.Parse(baseUrl), "create",
            [new("meetingID", meetingId), new("name", "not the kit's"), new("attendeePW", "ap"), new("moderatorPW", "mp")]);
        (await http.GetStringAsync(url)).ShouldContain("SUCCESS");
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }

        if (line.StartsWith('[') && line.Contains("] ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _caseLines);
        }
        else if (line.StartsWith("run ", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is > 4 and var colon)
        {
            Volatile.Write(ref _runId, line[4..colon]);
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
