using System.Globalization;
using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Cli;
using Mconf.Conformance.Runner.Reports;
using Mconf.Conformance.Target;
using Mconf.Spec.Signing;
using Microsoft.Extensions.Configuration;

namespace Mconf.Conformance.Runner;

/// <summary><c>cleanup</c>: ends the meetings earlier runs left on a target (a run killed with SIGKILL, a lost
/// machine). A meeting is the kit's only when its whole ID has the kit's shape (<see cref="KitMeetings"/>); filters
/// narrow that further by run ID and age. <c>--dry-run</c> lists and ends nothing.</summary>
internal static class CleanupCommand
{
    public const string DefaultOlderThanText = "60m";

    private static readonly TimeSpan DefaultOlderThan = TimeSpan.FromMinutes(60);

    public static async Task<int> RunAsync(CliOptions cli, IConfiguration configuration, TextWriter stdout, TextWriter stderr, RunnerContext context, CancellationToken cancellationToken)
    {
        var target = configuration[SettingKeys.TargetUrl]?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            return Runner.CouldNotRun(stderr, "cleanup needs --target (the embedded fake's meetings end with its run) (see --help)");
        }

        // The same settings model and checks as a run (ConformanceOptions), so a deprecated key works here too.
        ConformanceOptions settings;
        try
        {
            settings = ConformanceOptions.Bind(configuration, line => stderr.WriteLine(line), CliParser.OptionName);
        }
        catch (SettingsException ex)
        {
            return Runner.CouldNotRun(stderr, $"{ex.Message} (see --help)");
        }

        var (secret, checksum, timeout) = (settings.Secret!, settings.Checksum, settings.Timeout);
        var runId = Blank(cli.Settings.GetValueOrDefault(CleanupKeys.RunId));
        var prefix = Blank(cli.Settings.GetValueOrDefault(CleanupKeys.Prefix)) ?? settings.MeetingPrefix;
        TimeSpan? olderThan = runId is null ? DefaultOlderThan : null;
        if (Blank(cli.Settings.GetValueOrDefault(CleanupKeys.OlderThan)) is { } ageText)
        {
            if (ParseAge(ageText) is not { } age)
            {
                return Runner.CouldNotRun(stderr, "--older-than must be an age such as 90s, 30m, 2h or 1d (a bare number is minutes) (see --help)");
            }

            olderThan = age;
        }

        var dryRun = cli.Settings.GetValueOrDefault(CleanupKeys.DryRun) == "true";
        var options = new RunOptions
        {
            TargetUrl = target,
            Secret = secret,
            Checksum = checksum,
            RequestTimeout = timeout,
            Time = context.Time,
        };
        using var client = new TargetClient(options);
        IReadOnlyList<(KitMeeting Meeting, string? ModeratorPW)> found;
        try
        {
            found = await KitMeetings.ListAsync(client, prefix, runId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TransportFailure or InvalidDataException)
        {
            return Runner.CouldNotRun(stderr, Redactor.Redact($"cleanup: {Judgement.OneLine(ex.Message)}", secret));
        }

        var now = context.Time.GetUtcNow();
        var running = found.Where(f => !f.Meeting.Ended).ToList();
        var chosen = running.Where(f => olderThan is not { } min || min <= TimeSpan.Zero || f.Meeting.AgeAt(now) is { } age && age >= min).ToList();
        var kept = running.Count - chosen.Count;
        var filter = (runId is null ? "" : $"run {runId}, ") + (olderThan is { } o && o > TimeSpan.Zero ? $"at least {Describe(o)} old" : "any age");
        await stdout.WriteLineAsync(Redactor.Redact($"cleanup of {target}: {running.Count} meeting(s) of the kit (prefix {prefix}) listed; {chosen.Count} match ({filter})", secret)).ConfigureAwait(false);
        foreach (var (meeting, _) in chosen)
        {
            await stdout.WriteLineAsync($"  {(dryRun ? "would end" : "ending")} {meeting.MeetingId}  run {meeting.RunId}, {FootprintText.Age(meeting.AgeAt(now)?.TotalSeconds)}").ConfigureAwait(false);
        }

        var keptNote = kept == 0 ? "" : $"; {kept} younger meeting(s) kept (a run may still be using them; --older-than 0 includes them)";
        if (dryRun)
        {
            await stdout.WriteLineAsync($"dry run: {chosen.Count} meeting(s) would be ended{keptNote}").ConfigureAwait(false);
            return ExitCodes.Conformant;
        }

        var endings = await KitMeetings.EndAsync(client, chosen, cancellationToken).ConfigureAwait(false);
        var failed = endings.Where(e => !e.Ended).ToList();
        foreach (var ending in failed)
        {
            await stderr.WriteLineAsync(Redactor.Redact($"  could not end {ending.Meeting.MeetingId}: {Judgement.OneLine(ending.Answer)}", secret)).ConfigureAwait(false);
        }

        var runs = chosen.Select(c => c.Meeting.RunId).Distinct(StringComparer.Ordinal).Count();
        if (failed.Count > 0)
        {
            return Runner.CouldNotRun(stderr, $"cleanup ended {endings.Count - failed.Count} of {endings.Count} meeting(s); {failed.Count} could not be ended (listed above)");
        }

        await stdout.WriteLineAsync($"cleanup: ended {endings.Count} meeting(s) of {runs} run(s){keptNote}").ConfigureAwait(false);
        return ExitCodes.Conformant;
    }

    /// <summary>"90s", "30m", "2h", "1d", or a bare number of minutes; null when unreadable.</summary>
    internal static TimeSpan? ParseAge(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        var unit = t.Length > 0 && char.IsAsciiLetter(t[^1]) ? t[^1] : 'm';
        var number = char.IsAsciiLetter(unit) && t.Length > 0 && char.IsAsciiLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 36500)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => null,
        };
    }

    private static string Describe(TimeSpan age) => FootprintText.Age(age.TotalSeconds).Replace(" old", "", StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
