using System.Collections.Concurrent;
using System.Text;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Target;

/// <summary>Every meeting the run creates: IDs are <c>&lt;prefix&gt;-&lt;runId&gt;-&lt;purpose&gt;-&lt;random&gt;</c>,
/// registered before the create is sent, and ended by <see cref="EndAllAsync"/>, which also sweeps getMeetings
/// for any meeting carrying the run's prefix (a create whose answer was lost still gets ended).</summary>
public sealed class MeetingLedger
{
    private readonly ConcurrentDictionary<string, string?> _meetings = new(StringComparer.Ordinal);
    private readonly RandomSource _random;

    public MeetingLedger(string meetingPrefix, string runId, RandomSource? random = null)
    {
        Prefix = $"{Clean(meetingPrefix)}-{Clean(runId)}-";
        _random = random ?? new RandomSource(0);
    }

    /// <summary>The start of every meeting ID (and unknown-ID probe) of this run.</summary>
    public string Prefix { get; }

    public IReadOnlyCollection<string> MeetingIds => [.. _meetings.Keys];

    public string NewId(string purpose) => Prefix + Clean(purpose) + "-" + _random.Hex(10);

    /// <summary>An ID no meeting or recording has: the run's prefix, so even a wrong server cannot touch another's.</summary>
    public string UnknownId(string what) => Prefix + "unknown-" + Clean(what) + "-" + _random.Hex(8);

    /// <summary>A fresh random part for a user ID or password of the run.</summary>
    public string Random(int length = 8) => _random.Hex(length);

    /// <summary>A random voice bridge in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public string RandomNumber(int min, int max) => _random.Number(min, max);

    public bool IsOurs(string? meetingId) => meetingId is not null && meetingId.Trim().StartsWith(Prefix, StringComparison.Ordinal);

    public void Register(string meetingId, string? moderatorPassword) =>
        _meetings.AddOrUpdate(meetingId, moderatorPassword, (_, old) => old ?? moderatorPassword);

    /// <summary>Ends every registered meeting and every meeting with the run's prefix still listed by getMeetings.
    /// Returns the IDs that are still listed (not forcibly ended) afterwards; empty when all went.</summary>
    public async Task<IReadOnlyList<string>> EndAllAsync(TargetClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var toEnd = new Dictionary<string, string?>(_meetings, StringComparer.Ordinal);
        foreach (var (id, password) in await ListOursAsync(client, cancellationToken).ConfigureAwait(false))
        {
            toEnd[id] = toEnd.GetValueOrDefault(id) ?? password;
        }

        foreach (var (id, password) in toEnd)
        {
            await EndAsync(client, id, password, cancellationToken).ConfigureAwait(false);
        }

        var left = await ListOursAsync(client, cancellationToken).ConfigureAwait(false);
        foreach (var (id, password) in left)
        {
            await EndAsync(client, id, password, cancellationToken).ConfigureAwait(false);
        }

        return [.. (await ListOursAsync(client, cancellationToken).ConfigureAwait(false)).Select(m => m.Id)];
    }

    private static async Task EndAsync(TargetClient client, string id, string? password, CancellationToken cancellationToken)
    {
        try
        {
            await client.CallAsync("end", [new("meetingID", id), new("password", password ?? "")], cancellationToken).ConfigureAwait(false);
        }
        catch (TransportFailure)
        {
            // Best effort: the sweep after it reports what is left.
        }
    }

    /// <summary>Meetings listed by getMeetings whose ID has the run prefix and that are not forcibly ended.</summary>
    private async Task<List<(string Id, string? Password)>> ListOursAsync(TargetClient client, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.CallAsync("getMeetings", [], cancellationToken).ConfigureAwait(false);
            if (answer.Xml is null)
            {
                return [];
            }

            return [.. answer.Xml.Select("meetings/meeting")
                .Where(m => IsOurs(BbbResponse.Value(m, "meetingID")) && BbbResponse.Value(m, "hasBeenForciblyEnded") != "true")
                .Select(m => (BbbResponse.Value(m, "meetingID")!, BbbResponse.Value(m, "moderatorPW")))];
        }
        catch (TransportFailure)
        {
            return [];
        }
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.Length == 0 ? "x" : builder.ToString();
    }
}
