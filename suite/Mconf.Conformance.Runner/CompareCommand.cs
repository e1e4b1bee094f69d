using Mconf.Conformance.Runner.Cli;
using Mconf.Conformance.Runner.Reports;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Runner;

/// <summary><c>compare DIR…</c>: reads several runs' results.json and writes one side-by-side HTML matrix.</summary>
internal static class CompareCommand
{
    public static int Run(CliOptions cli, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var runs = new List<ResultsDocument>();
        foreach (var input in cli.CompareInputs)
        {
            var path = ResultsPath(input);
            if (path is null)
            {
                return Runner.CouldNotRun(stderr, $"compare: no results.json in {input}");
            }

            try
            {
                runs.Add(ResultsJsonWriter.Read(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return Runner.CouldNotRun(stderr, $"compare: {Judgement.OneLine(ex.Message)}");
            }
        }

        var output = cli.Settings.GetValueOrDefault(SettingKeys.Out)
            ?? Path.Combine(configuration[SettingKeys.Out] is { Length: > 0 } root ? root : RunSettings.DefaultOut, CompareWriter.DefaultFileName);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            CompareWriter.Write(runs, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Runner.CouldNotRun(stderr, $"compare: cannot write {output}: {Judgement.OneLine(ex.Message)}");
        }

        stdout.WriteLine($"compared {runs.Count} runs: {Path.GetFullPath(output)}");
        return ExitCodes.Conformant;
    }

    /// <summary>A results.json file, a run folder holding one, or a reports root whose <c>latest</c> does.</summary>
    private static string? ResultsPath(string input)
    {
        if (File.Exists(input))
        {
            return input;
        }

        if (!Directory.Exists(input))
        {
            return null;
        }

        var direct = Path.Combine(input, ResultsJsonWriter.FileName);
        if (File.Exists(direct))
        {
            return direct;
        }

        return ReportFolder.ResolveLatest(input) is { } latest && File.Exists(Path.Combine(latest, ResultsJsonWriter.FileName))
            ? Path.Combine(latest, ResultsJsonWriter.FileName)
            : null;
    }
}
