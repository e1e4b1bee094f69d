using System.Reflection;
using Mconf.Conformance.Runner.Cli;
using Mconf.Conformance.Runner.Reports;

namespace Mconf.Conformance.Runner;

/// <summary>What a caller may substitute: the environment (tests pass a dictionary instead of the process's
/// <c>MCONF_*</c> variables) and the clock.</summary>
public sealed record RunnerContext
{
    /// <summary>Null: read the process environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the guided presence session reads the person's answers (null: the console).</summary>
    public TextReader? Input { get; init; }

    /// <summary>Colour the closing line (a terminal that wants colour; never in tests or pipes).</summary>
    public bool Colour { get; init; }
}

/// <summary>The runner's entry point, callable in-process (tests) as well as from <c>Program</c>. It parses the
/// options, runs <see cref="ConformanceEngine"/> on the target (the embedded fake by default), applies the
/// known-failing list, streams a line per case, writes the reports and returns the exit code; the last line
/// printed says why.</summary>
public static class Runner
{
    /// <summary>The assembly's informational version, e.g. <c>0.1.0+94d8a0e18aea</c> (the SDK appends the commit;
    /// it is cut to 12 digits so no report carries a 40-digit hex string that could pass for a SHA-1 checksum).</summary>
    public static string KitVersion { get; } = ShortenRevision(
        typeof(Runner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    internal static string ShortenRevision(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length - plus - 1 > 12 ? version[..(plus + 13)] : version;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        RunnerContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        context ??= new RunnerContext();

        // The engine's workers and the fake's handlers write from several threads.
        stdout = TextWriter.Synchronized(stdout);
        stderr = TextWriter.Synchronized(stderr);
        var cli = CliParser.Parse(args, out var error);
        if (cli is null)
        {
            return CouldNotRun(stderr, $"{error} (see --help)");
        }

        switch (cli.Command)
        {
            case CliCommand.Help:
                HelpText.Write(args, KitVersion, stdout);
                return ExitCodes.Conformant;
            case CliCommand.Complete:
                CliParser.Root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
                return ExitCodes.Conformant;
            case CliCommand.Version:
                await stdout.WriteLineAsync(KitVersion).ConfigureAwait(false);
                return ExitCodes.Conformant;
        }

        var configuration = RunSettings.BuildConfiguration(cli, context.Environment);
        if (cli.Command == CliCommand.Compare)
        {
            return CompareCommand.Run(cli, configuration, stdout, stderr);
        }

        if (cli.Command == CliCommand.Cleanup)
        {
            return await CleanupCommand.RunAsync(cli, configuration, stdout, stderr, context, cancellationToken).ConfigureAwait(false);
        }

        var settings = RunSettings.Resolve(cli, configuration, out error, line => stderr.WriteLine(line));
        if (settings is null)
        {
            return CouldNotRun(stderr, $"{error} (see --help)");
        }

        return cli.Command == CliCommand.List
            ? ListCommand.Run(settings, stdout, stderr)
            : await Certification.RunAsync(settings, stdout, stderr, context, cancellationToken).ConfigureAwait(false);
    }

    internal static int CouldNotRun(TextWriter stderr, string reason)
    {
        stderr.WriteLine(Judgement.CouldNotRun(reason).Line);
        return ExitCodes.CouldNotRun;
    }
}
