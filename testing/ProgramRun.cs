using System.Diagnostics;
using System.Text;

namespace Mconf.Testing;

/// <summary>What a finished program left: its exit code and everything it printed. One process runner for every
/// test project (the packaging tests, the sample client's interop and failover scripts).</summary>
internal sealed record ProgramResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>What the program printed, stdout then stderr.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>For failure messages: the tail of both streams. A nested <c>dotnet test</c> summary line is reworded
    /// so a reader of the console never mistakes it for one of the kit's own assemblies.</summary>
    public string Describe() =>
        $"exit {ExitCode}\n--- stdout (end)\n{Tail(Stdout)}\n--- stderr (end)\n{Tail(Stderr)}"
            .Replace("Failed:", "failed =", StringComparison.Ordinal).Replace("Passed:", "passed =", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length <= 6000 ? text : "..." + text[^6000..];
}

/// <summary>Runs a program to its end within a time limit; past it, the whole process tree is killed and the test fails.</summary>
internal static class ProgramRun
{
    public static async Task<ProgramResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan limit,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, bool clearEnvironment = false)
    {
        using var process = new Process { StartInfo = StartInfo(file, arguments, workingDirectory, environment, clearEnvironment) };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{System.IO.Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s; killed.\n" +
                new ProgramResult(-1, Read(stdout), Read(stderr)).Describe());
        }

        process.WaitForExit(); // drains the asynchronous readers
        return new ProgramResult(process.ExitCode, Read(stdout), Read(stderr));
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, bool clearEnvironment)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot.Path,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (clearEnvironment)
        {
            info.Environment.Clear();
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
