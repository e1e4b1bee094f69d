using System.Globalization;
using System.Text.RegularExpressions;
using Mconf.Conformance.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Target;

/// <summary>Finds the kit's meetings on a target by their ID alone: <c>&lt;prefix&gt;-&lt;run id&gt;-&lt;purpose&gt;-&lt;10 hex&gt;</c>
/// (<see cref="MeetingLedger.NewId"/>), the run ID being one the kit generates (<c>yyyyMMdd-HHmmss-xxxx</c>, the
/// runner's and the NUnit suite's alike; <c>yyyyMMddTHHmmss-xxxxxx</c> is still recognised so that meetings an earlier
/// kit version's NUnit runs left behind are found and cleaned) or the one given. Anything else, however alike, is
/// somebody else's meeting and is never touched.</summary>
internal static class KitMeetings
{
    /// <summary>A meeting's internal ID, which is also its recording's recordID: lower-case hex SHA-1 of the UTF-8
    /// bytes of <paramref name="meetingId"/>, a hyphen, <paramref name="createTime"/> as the target wrote it
    /// (specs/reference.md §6.1, §3.7). Computed here, never borrowed from the fake.</summary>
    public static string InternalId(string meetingId, string createTime)
    {
        ArgumentNullException.ThrowIfNull(meetingId);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(meetingId))) + "-" + createTime;
    }

    private const string GeneratedRunId = @"(?<run>\d{8}-\d{6}-[0-9a-f]{4}|\d{8}T\d{6}-[0-9a-f]{6})";
    // The explorer's odd meeting IDs (spaces and non-ASCII, to explore encoding) end with exactly this literal after
    // the kit's shape; it lives in another project (Mconf.Conformance.Explorer, ExplorerOptions.OddIdSuffix).
    private const string Tail = @"-(?<purpose>[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)-(?<random>[0-9a-f]{10})(?: é-)?$";

    /// <summary>The meeting as the kit's, or null when its ID is not exactly of the kit's shape.</summary>
    /// <param name="prefix">The run's meeting prefix.</param>
    /// <param name="meetingId">The meeting ID the target lists.</param>
    /// <param name="runId">Only this run's meetings (any run ID text); null: any run ID the kit generates.</param>
    /// <param name="createdAt">When the target says the meeting was created, if it says.</param>
    /// <param name="ended">True when the target lists the meeting as ended.</param>
    public static KitMeeting? Parse(string prefix, string? meetingId, string? runId = null, DateTimeOffset? createdAt = null, bool ended = false)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (string.IsNullOrEmpty(meetingId))
        {
            return null;
        }

        var run = runId is null ? GeneratedRunId : $"(?<run>{Regex.Escape(runId)})";
        var match = Regex.Match(meetingId, $"^{Regex.Escape(prefix)}-{run}{Tail}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups["run"].Value;
        return new KitMeeting(meetingId, id, match.Groups["purpose"].Value, createdAt ?? RunStart(id), ended);
    }

    /// <summary>The start time written in a generated run ID (UTC), or null.</summary>
    public static DateTimeOffset? RunStart(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var stamp = runId.Length >= 15 ? runId[..15] : runId;
        return DateTimeOffset.TryParseExact(stamp, ["yyyyMMdd-HHmmss", "yyyyMMdd'T'HHmmss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start) ? start : null;
    }

    /// <summary>The kit's meetings in a getMeetings answer, with their moderator passwords (what end needs).
    /// The age comes from the meeting's createTime, else startTime (epoch milliseconds), else
    /// the run ID.</summary>
    public static IReadOnlyList<(KitMeeting Meeting, string? ModeratorPW)> InList(BbbResponse meetings, string prefix, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var found = new List<(KitMeeting, string?)>();
        foreach (var entry in meetings.Select("meetings/meeting"))
        {
            var created = Epoch(BbbResponse.Value(entry, "createTime")) ?? Epoch(BbbResponse.Value(entry, "startTime"));
            var ended = BbbResponse.Value(entry, "hasBeenForciblyEnded") == "true";
            if (Parse(prefix, BbbResponse.Value(entry, "meetingID")?.Trim(), runId, created, ended) is { } meeting)
            {
                found.Add((meeting, BbbResponse.Value(entry, "moderatorPW")));
            }
        }

        return found;
    }

    /// <summary>Lists the target's meetings (one getMeetings) and keeps the kit's.</summary>
    /// <exception cref="TransportFailure">No answer.</exception>
    /// <exception cref="InvalidDataException">The answer is not a getMeetings SUCCESS (the reason, one line).</exception>
    public static async Task<IReadOnlyList<(KitMeeting Meeting, string? ModeratorPW)>> ListAsync(TargetClient client, string prefix, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var answer = await client.CallAsync("getMeetings", [], cancellationToken).ConfigureAwait(false);
        if (answer.Xml is not { } xml)
        {
            throw new InvalidDataException($"getMeetings did not answer XML (HTTP {answer.Status})");
        }

        if (!xml.IsSuccess)
        {
            throw new InvalidDataException($"getMeetings answered {xml.ReturnCode} {xml.ErrorKey}: {xml.ErrorMessage}");
        }

        return InList(xml, prefix, runId);
    }

    /// <summary>What <see cref="EndAsync"/> did to one meeting.</summary>
    public sealed record Ending(KitMeeting Meeting, bool Ended, string Answer);

    /// <summary>Sends end for each meeting (its moderator password from the listing) and says which went.</summary>
    public static async Task<IReadOnlyList<Ending>> EndAsync(TargetClient client, IReadOnlyList<(KitMeeting Meeting, string? ModeratorPW)> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(meetings);
        var endings = new List<Ending>();
        foreach (var (meeting, password) in meetings)
        {
            try
            {
                var answer = await client.CallAsync("end", [new("meetingID", meeting.MeetingId), new("password", password ?? "")], cancellationToken).ConfigureAwait(false);
                endings.Add(new Ending(meeting, MeetingLedger.IsGone(answer), answer.Xml is { } xml ? $"{xml.ReturnCode} {xml.ErrorKey}".Trim() : $"HTTP {answer.Status}"));
            }
            catch (TransportFailure ex)
            {
                endings.Add(new Ending(meeting, false, ex.Message));
            }
        }

        return endings;
    }

    // A time past year 9999 (a server writing microseconds, say) is no time at all here: a wrong value is the cases'
    // to judge, and the listing must not throw over it.
    private static DateTimeOffset? Epoch(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 && ms <= MaxEpochMs
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static readonly long MaxEpochMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
}
