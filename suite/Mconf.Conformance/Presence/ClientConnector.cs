using System.Globalization;

namespace Mconf.Conformance.Presence;

/// <summary>The driver's generic action <c>connect JOIN_URL USER_ID MEETING_ID</c>, for the cases that need a
/// connected attendee: a real server lists a joined user only once a client connects (specs/reference.md §5), so
/// a case whose user never shows up asks the run's driver to open its join link in a client. The user stays
/// connected until <c>meeting-ended</c>, which the connector sends for each meeting it connected someone to once
/// the run has ended its meetings. A person (guided mode) is never asked: those cases stay inconclusive and say
/// which driver action would verify them.</summary>
internal sealed class ClientConnector
{
    /// <summary>The driver action that connects one user's client.</summary>
    public const string Action = "connect";

    public const string Instruction = "Open this join link in a client and keep the user connected until meeting-ended.";

    private readonly IPresenceActor? _actor;
    private readonly Uri _apiRoot;
    private readonly HashSet<string> _meetings = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal ClientConnector(PresenceOptions? presence, Uri apiRoot)
    {
        Mode = presence is null ? ConnectorMode.None : presence.Actor.ConnectsClients ? ConnectorMode.Driver : ConnectorMode.Person;
        _actor = Mode == ConnectorMode.Driver ? presence!.Actor : null;
        StepTimeout = presence?.StepTimeout ?? TimeSpan.Zero;
        PollInterval = presence?.PollInterval ?? TimeSpan.FromMilliseconds(250);
        _apiRoot = apiRoot;
    }

    public ConnectorMode Mode { get; }

    /// <summary>True when a program can connect the suite's users (a driver was given).</summary>
    public bool Available => Mode == ConnectorMode.Driver;

    /// <summary>How long a connected user may take to show up among the attendees (the presence step timeout).</summary>
    public TimeSpan StepTimeout { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>Meetings a user was connected to (each gets meeting-ended once).</summary>
    public IReadOnlyList<string> Meetings
    {
        get
        {
            lock (_lock)
            {
                return [.. _meetings];
            }
        }
    }

    /// <summary>Why a case whose user never showed up could not be verified, and what would verify it.</summary>
    public string Unconnected(string what) => Mode switch
    {
        ConnectorMode.Person =>
            $"{what} (a real server lists an attendee only once a client connects); a person is not asked for this in guided mode: " +
            $"a driver's '{Action} JOIN_URL USER_ID MEETING_ID' action (--presence-driver COMMAND) would verify it",
        _ =>
            $"{what} (a real server lists an attendee only once a client connects): run with --presence-driver COMMAND, " +
            $"whose '{Action} JOIN_URL USER_ID MEETING_ID' action opens the join link in a client",
    };

    /// <summary>Asks the driver to connect the user; null once done, else why not.</summary>
    internal async Task<string?> ConnectAsync(string joinUrl, string userId, string fullName, string meetingId, CancellationToken token)
    {
        if (_actor is null)
        {
            return "no driver to connect a client";
        }

        lock (_lock)
        {
            _meetings.Add(meetingId);
        }

        return await _actor.PerformAsync(new PresenceRequest(Action, Instruction, joinUrl, userId, fullName, meetingId), token).ConfigureAwait(false);
    }

    /// <summary>Sends meeting-ended for every meeting a user was connected to (after the run ended them), so the
    /// driver closes those clients. Returns the driver's complaints, if any.</summary>
    internal async Task<IReadOnlyList<string>> CloseAllAsync(CancellationToken token)
    {
        if (_actor is null)
        {
            return [];
        }

        List<string> meetings;
        lock (_lock)
        {
            meetings = [.. _meetings];
            _meetings.Clear();
        }

        var problems = new List<string>();
        foreach (var meetingId in meetings)
        {
            var note = await _actor.PerformAsync(
                new PresenceRequest(PresenceSteps.MeetingEnded, "The meeting has ended: close its clients.", _apiRoot.AbsoluteUri, "", "", meetingId), token).ConfigureAwait(false);
            if (note is not null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{meetingId}: {note}"));
            }
        }

        return problems;
    }
}

/// <summary>Who could connect the suite's users: nobody (no presence session), a person (guided: never asked), or a driver.</summary>
internal enum ConnectorMode
{
    None,
    Person,
    Driver,
}
