using System.Text.Json.Serialization;
using Mconf.Conformance.Model;
using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>The verdict on the whole run, as the closing line says it. Incomplete: no failure, but some documented
/// Mconf-Live delta not verified by a passing case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunVerdict>))]
public enum RunVerdict
{
    [JsonStringEnumMemberName("conformant")] Conformant,
    [JsonStringEnumMemberName("incomplete")] Incomplete,
    [JsonStringEnumMemberName("not-conformant")] NotConformant,
    [JsonStringEnumMemberName("could-not-run")] CouldNotRun,
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}

/// <summary>results.json: one run, already redacted. Every other report (JUnit, HTML, Markdown) and
/// <c>compare</c> are rendered from this document alone, so they cannot disagree.</summary>
public sealed record ResultsDocument
{
    public const string CurrentSchema = "mconf-conformance/results/1";

    public string Schema { get; init; } = CurrentSchema;

    public required string KitVersion { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required RunVerdict Verdict { get; init; }

    public required int ExitCode { get; init; }

    /// <summary>The closing console line (<c>conformant: …</c>, <c>not conformant: …</c>, <c>could not run: …</c>).</summary>
    public required string Summary { get; init; }

    public string? AbortReason { get; init; }

    /// <summary>Null when the preflight could not even fingerprint the target.</summary>
    public TargetInfo? Target { get; init; }

    public required RunSelection Options { get; init; }

    public required VerdictTotals Totals { get; init; }

    /// <summary>In catalogue order (call, then spec order), not completion order.</summary>
    public required IReadOnlyList<CaseRecord> Cases { get; init; }

    /// <summary>Meetings the run created that the target still listed after cleanup (empty when it left nothing).</summary>
    public IReadOnlyList<string> LeftoverMeetings { get; init; } = [];

    /// <summary>Every documented Mconf-Live delta with the cases that verify it and their joint outcome.</summary>
    public IReadOnlyList<DeltaRecord> Deltas { get; init; } = [];

    /// <summary>How many of <see cref="Deltas"/> are verified ("Mconf-Live deltas verified: X of 50").</summary>
    public int DeltasVerified { get; init; }

    /// <summary>The presence session, when the run had one: its steps with what was observed.</summary>
    public PresenceReport? Presence { get; init; }

    /// <summary>The <c>--explore N</c> tier, when the run had one: what it ran and, when an invariant broke, the
    /// minimal sequence's steps with their exact requests and answers (redacted). Its verdict is the case
    /// <see cref="ExplorationRecord.CaseId"/>'s, which is in <see cref="Cases"/> and the totals like any other.</summary>
    public ExplorationRecord? Exploration { get; init; }

    /// <summary>The target's latency, the call budgets and its slowest calls (null when nothing was asked).</summary>
    public TargetSpeed? Speed { get; init; }

    /// <summary>What the run cost the target (null when it never reached it).</summary>
    public FootprintRecord? Footprint { get; init; }

    /// <summary>The kit's meetings from earlier runs that the target listed when this run started (not ended by it).</summary>
    public IReadOnlyList<EarlierMeetingRecord> EarlierRunMeetings { get; init; } = [];

    /// <summary>Cases selected for the run; with <see cref="RunVerdict.Interrupted"/> more than <see cref="Cases"/> holds.</summary>
    public int CasesSelected { get; init; }
}

/// <summary>The exploration tier (<c>--explore N</c>): <see cref="SequencesRun"/> of <see cref="SequencesPlanned"/>
/// random sequences, <see cref="RequestsSent"/> of at most <see cref="RequestBudget"/> requests (shrinking and cleanup
/// included), the <see cref="Seed"/> (a decimal string: JSON numbers lose 64-bit precision), and its case's verdict and
/// message. When an invariant broke: <see cref="Invariant"/>, the step that broke it (<see cref="BrokenAtStep"/>, from 1)
/// and <see cref="Steps"/>, the minimal sequence; empty otherwise.</summary>
public sealed record ExplorationRecord(
    string CaseId,
    Verdict Verdict,
    string Message,
    int SequencesPlanned,
    int SequencesRun,
    long RequestsSent,
    long RequestBudget,
    bool BudgetSpent,
    string Seed,
    int MaxSteps,
    bool Presence,
    string MeetingPrefix,
    double DurationSeconds,
    string? Invariant,
    int? BrokenAtStep,
    IReadOnlyList<ExplorationStepRecord> Steps)
{
    /// <summary>Why the exploration stopped early without a broken invariant (the target stopped answering), or null.</summary>
    public string? Error { get; init; }

    public bool Interrupted { get; init; }

    /// <summary>Meetings the explorer created and could not end (normally empty).</summary>
    public IReadOnlyList<string> LeftoverMeetings { get; init; } = [];
}

/// <summary>One step of the minimal failing sequence: its number (from 1), its text (e.g. <c>join(m0, u1, variant 1)</c>),
/// the generator's fields (<see cref="Op"/>, <see cref="Meeting"/>, <see cref="User"/>, <see cref="Variant"/>: enough to
/// replay it with <c>Explorer.ReplayAsync</c>), its exchanges in order (redacted, bodies cut at 64 KiB) and, when it
/// sent nothing or was not reached, why.</summary>
public sealed record ExplorationStepRecord(int Number, string Step, string Op, int Meeting, int User, int Variant, string? Note, IReadOnlyList<ExchangeRecord> Exchanges);

/// <summary>The run's footprint: meetings created, the most live at once (and the bound kept), requests sent (and
/// the rate limit, null when none).</summary>
public sealed record FootprintRecord(int MeetingsCreated, int MaxLiveMeetings, int MaxLiveBound, long RequestsSent, double? MaxRequestsPerSecond);

/// <summary>A meeting an earlier run of the kit left: its ID, run ID and age in seconds (null: unknown).</summary>
public sealed record EarlierMeetingRecord(string MeetingId, string RunId, double? AgeSeconds);

/// <summary>The target as the preflight saw it. <see cref="Url"/> has no secret and no checksum;
/// <see cref="Flavour"/> is <c>mconf-live</c>, <c>bbb-0.9</c> or <c>unknown</c>.</summary>
public sealed record TargetInfo(string Url, string? ApiVersion, string Flavour, string Checksum, bool Embedded, bool HadApiSuffix);

/// <summary>The options that shaped the run (never the secret).</summary>
public sealed record RunSelection(
    string Tier,
    string Checksum,
    IReadOnlyList<string> Only,
    IReadOnlyList<string> Skip,
    string? KnownFailingFile,
    double TimeoutSeconds,
    int Parallelism);

public sealed record VerdictTotals(int Total, int Passed, int Failed, int Inconclusive, int Skipped, int KnownFailing)
{
    public static VerdictTotals Of(IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var list = verdicts.ToList();
        return new VerdictTotals(
            list.Count,
            list.Count(v => v == Verdict.Passed),
            list.Count(v => v == Verdict.Failed),
            list.Count(v => v == Verdict.Inconclusive),
            list.Count(v => v == Verdict.Skipped),
            list.Count(v => v == Verdict.KnownFailing));
    }

    public int Of(Verdict verdict) => verdict switch
    {
        Verdict.Passed => Passed,
        Verdict.Failed => Failed,
        Verdict.Inconclusive => Inconclusive,
        Verdict.Skipped => Skipped,
        Verdict.KnownFailing => KnownFailing,
        _ => 0,
    };
}

/// <summary>Where a case's requirement is written: the spec entry and the document section it rests on.</summary>
public sealed record SpecReference(string Id, string Doc, string Section, string Quote);

public sealed record CaseRecord(
    string Id,
    string Title,
    string Layer,
    string Call,
    string Kind,
    string Tier,
    string Action,
    string Requirement,
    SpecReference Spec,
    Verdict Verdict,
    string Message,
    double DurationMs,
    IReadOnlyList<ExchangeRecord> Evidence)
{
    /// <summary>What the target does differently but legitimately (a reading of the wiki, a configuration), as
    /// the case saw it: accepted, and reported so the user knows which reading the target follows.</summary>
    public IReadOnlyList<string> Observations { get; init; } = [];

    /// <summary>The values the case observed and judged (redacted), each under the spec ID it is evidence for; at
    /// most <see cref="ResultsDocumentBuilder.MaxWitnessesPerSpec"/> per spec ID (a listing can hold many records).</summary>
    public IReadOnlyList<WitnessRecord> Witnesses { get; init; } = [];
}

/// <summary>An observed value behind a verdict: the spec ID it is evidence for, the answer it came from (the redacted
/// request line), the record in that answer (e.g. <c>meeting m-1</c>; empty for the answer itself) and the value.</summary>
public sealed record WitnessRecord(string SpecId, string Request, string Record, string Value);

/// <summary>What verified a delta: a witness of one of its passing cases (<see cref="Case"/>).</summary>
public sealed record DeltaEvidence(string Case, string Request, string Record, string Value);

/// <summary>One redacted HTTP exchange: the request line and what came back.</summary>
public sealed record ExchangeRecord(string Method, string Url, int Status, string? ContentType, string? Body, string? Location);

/// <summary>A documented Mconf-Live delta (a call, parameter, response element, answer key or rule) and how
/// this run judged it. <see cref="Outcome"/> is a verdict name, <c>not-run</c> (deselected) or <c>no-case</c>
/// (the kit has no case for it: a coverage gap).</summary>
public sealed record DeltaRecord(
    string Id,
    string Kind,
    string Call,
    string Description,
    bool InWiki,
    string Source,
    IReadOnlyList<string> Cases,
    string Outcome)
{
    /// <summary>None of its cases failed, and a passing, non-supporting case about it observed a value of it (left a
    /// witness under the delta's ID or the case's own spec ID). A case that passed on absence verifies nothing.</summary>
    public bool Verified { get; init; }

    /// <summary>For a verified delta, a few of the observed values behind it (which answer, record and value);
    /// <see cref="WitnessCount"/> says how many its passing cases left in all.</summary>
    public IReadOnlyList<DeltaEvidence> Evidence { get; init; } = [];

    public int WitnessCount { get; init; }

    /// <summary>Why it is not verified (null when it is).</summary>
    public string? Reason { get; init; }

    /// <summary>The command that would verify it (null when it is verified).</summary>
    public string? VerifyWith { get; init; }
}
