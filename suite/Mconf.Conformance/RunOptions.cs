using Mconf.Spec.Cases;
using Mconf.Conformance.Presence;
using Mconf.Spec.Signing;

namespace Mconf.Conformance;

/// <summary>Everything a run needs to know about its target and its selection of cases. The secret is used to
/// sign requests and to redact evidence; it is never written anywhere.</summary>
public sealed record RunOptions
{
    /// <summary>Base URL, with or without the trailing <c>/api</c>.</summary>
    public required string TargetUrl { get; init; }

    /// <summary>The shared secret requests are signed with; never written anywhere.</summary>
    public required string Secret { get; init; }

    /// <summary>The checksum algorithm requests are signed with.</summary>
    public ChecksumAlgorithm Checksum { get; init; } = ChecksumAlgorithm.Sha1;

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>The defaults of <c>Target:Timeout</c> and <c>Run:Parallel</c>; the engine's defaults are the
    /// configuration's (<see cref="Configuration.ConformanceOptions"/>), so every entry point runs alike.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>Default of <see cref="Parallelism"/>.</summary>
    public const int DefaultParallelism = 8;

    /// <summary>The run ID the run's meeting IDs carry.</summary>
    public string RunId { get; init; } = "run";

    /// <summary><c>lifecycle</c> (default: may create and end its own meetings) or <c>read-only</c>.</summary>
    public CaseTier Tier { get; init; } = CaseTier.Lifecycle;

    /// <summary>Glob patterns over case IDs (<c>*</c> any run of characters); empty = all cases.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Glob patterns over case IDs to leave out.</summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>How many cases run at once.</summary>
    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>True when the target is the kit's embedded fake (reported in the fingerprint only).</summary>
    public bool Embedded { get; init; }

    /// <summary>Every meeting the run creates has an ID starting with this prefix and the run id.</summary>
    public string MeetingPrefix { get; init; } = DefaultMeetingPrefix;

    /// <summary>The start of every meeting ID the kit creates (<c>Run:MeetingPrefix</c>).</summary>
    public const string DefaultMeetingPrefix = "mconf-conformance";

    /// <summary>Failures the target admits (<c>--known-failing</c>, <c>Run:KnownFailing</c>), applied by the session to
    /// every result, so the runner and the NUnit suite give the same verdicts.</summary>
    public KnownFailingList KnownFailing { get; init; } = KnownFailingList.Empty;

    /// <summary>When set, the run starts with the presence session (guided or driven); null: no session.</summary>
    public PresenceOptions? Presence { get; init; }
    /// <summary>The clock of the run: start time, request timeouts, polling delays, snapshot ages.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed of every random part the run makes up (meeting and user IDs, passwords, voice bridges); null:
    /// derived from <see cref="RunId"/>, so a run's IDs follow from its configuration.</summary>
    public int? Seed { get; init; }

    /// <summary>Largest answer body read (bytes); a longer one is cut off and the case fails saying so.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>How long a shared unfiltered snapshot (getMeetings, getRecordings, getStats) is reused before it is
    /// taken again: other tenants change a busy server while the run goes on.</summary>
    public TimeSpan SnapshotMaxAge { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Default of <see cref="MaxBodyBytes"/>.</summary>
    public const long DefaultMaxBodyBytes = 16L * 1024 * 1024;

    /// <summary>Budget of one unfiltered list call (getRecordings or getStats without meetingID, getMeetings): a big
    /// server takes long to produce them, so they get their own budget, never less than the request timeout; an
    /// answer over it makes the case inconclusive, naming <c>--list-timeout</c>.</summary>
    public TimeSpan ListCallTimeout { get; init; } = TimeSpan.FromSeconds(DefaultListCallTimeoutSeconds);

    /// <summary>Default of <see cref="ListCallTimeout"/>, in seconds.</summary>
    public const int DefaultListCallTimeoutSeconds = 120;

    /// <summary>Most of the run's meetings live on the target at once (<c>--max-live-meetings</c>): a create waits for
    /// a slot, and a case's meetings are ended when it finishes. At least <see cref="MinLiveMeetings"/>.</summary>
    public int MaxLiveMeetings { get; init; } = DefaultMaxLiveMeetings;

    /// <summary>Default of <see cref="MaxLiveMeetings"/>.</summary>
    public const int DefaultMaxLiveMeetings = 8;

    /// <summary>The shared meeting, a short-lived fixture meeting (the end answer) and one case's meeting.</summary>
    public const int MinLiveMeetings = 3;

    /// <summary>Most requests per second sent to the target (<c>--max-rate</c>); null: no limit.</summary>
    public double? MaxRequestsPerSecond { get; init; }

    /// <summary>How long an interrupted run may spend ending its meetings before it reports what is left.</summary>
    public TimeSpan InterruptedCleanupBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><see cref="Seed"/>, or a stable hash (FNV-1a) of the run id.</summary>
    public int EffectiveSeed
    {
        get
        {
            if (Seed is { } seed)
            {
                return seed;
            }

            var hash = 2166136261u;
            foreach (var c in RunId)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return unchecked((int)hash);
        }
    }
}
