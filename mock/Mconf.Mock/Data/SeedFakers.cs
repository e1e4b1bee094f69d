using System.Globalization;
using Bogus;

namespace Mconf.Mock.Data;

/// <summary>The Bogus fakers, built once per seeding run (building a <see cref="Faker{T}"/> is costly) and
/// re-seeded per entity: each entity gets a local seed derived from the run seed and its own name (Bogus README,
/// "Determinism"), so adding an entity or a rule does not shift the others. New rules go at the end.
/// Not thread-safe: one instance per seeding run.</summary>
internal sealed class SeedFakers
{
    private static readonly string[] Courses = ["Physics 101", "Chemistry 201", "Biology 110", "History 305"];
    private static readonly string[] Categories = ["lecture", "seminar", "tutorial"];

    private readonly Faker<LiveMeetingSeed> _liveMeeting = new Faker<LiveMeetingSeed>()
        .StrictMode(true)
        .RuleFor(m => m.Name, f => f.Company.CompanyName())
        .RuleFor(m => m.MeetingId, (f, m) => Slug(m.Name))
        .RuleFor(m => m.AttendeePw, f => f.Random.AlphaNumeric(8))
        .RuleFor(m => m.ModeratorPw, f => f.Random.AlphaNumeric(8))
        .RuleFor(m => m.VoiceBridge, f => f.Random.ReplaceNumbers("7####"))
        .RuleFor(m => m.Record, f => f.Random.Bool())
        .RuleFor(m => m.MinutesAgo, f => f.Random.Int(5, 90))
        .RuleFor(m => m.Course, f => f.PickRandom(Courses));

    private readonly Faker<AttendeeSeed> _attendee = new Faker<AttendeeSeed>()
        .StrictMode(true)
        .RuleFor(a => a.FullName, f => f.Name.FullName())
        .RuleFor(a => a.UserId, f => f.Random.Bool() ? null : "user-" + f.Random.Number(1000, 9999).ToString(CultureInfo.InvariantCulture))
        .RuleFor(a => a.Moderator, f => f.Random.Bool(0.25f));

    private readonly Faker<PastMeetingSeed> _pastMeeting = new Faker<PastMeetingSeed>()
        .StrictMode(true)
        .RuleFor(m => m.Name, f => f.Commerce.Department() + " " + f.Hacker.Noun())
        .RuleFor(m => m.MeetingId, (f, m) => Slug(m.Name))
        .RuleFor(m => m.Course, f => f.PickRandom(Courses))
        .RuleFor(m => m.Category, f => f.PickRandom(Categories));

    private readonly Faker<PastSessionSeed> _pastSession = new Faker<PastSessionSeed>()
        .StrictMode(true)
        .RuleFor(s => s.DaysAgo, f => f.Random.Int(1, 3))
        .RuleFor(s => s.StartMinuteOfDay, f => f.Random.Int(8 * 60, 18 * 60))
        .RuleFor(s => s.DurationMinutes, f => f.Random.Int(20, 90))
        .RuleFor(s => s.Presenter, f => f.Name.FullName())
        .RuleFor(s => s.Participants, f => [.. Enumerable.Range(0, f.Random.Int(2, 6)).Select(_ => f.Name.FullName())])
        .RuleFor(s => s.Size, f => f.Random.Long(2_000_000, 80_000_000));

    /// <summary>A live meeting; its ID is <c>seed-live-&lt;n&gt;-&lt;slug of the name&gt;</c>.</summary>
    public LiveMeetingSeed LiveMeeting(int seed, int index)
    {
        var meeting = _liveMeeting.UseSeed(seed).Generate();
        meeting.MeetingId = $"seed-live-{index + 1}-{meeting.MeetingId}";
        return meeting;
    }

    /// <summary>An attendee; the first of a meeting is always a moderator.</summary>
    public AttendeeSeed Attendee(int seed, int index)
    {
        var attendee = _attendee.UseSeed(seed).Generate();
        attendee.Moderator |= index == 0;
        return attendee;
    }

    /// <summary>A past meeting; courses alternate so that several recordings share one.</summary>
    public PastMeetingSeed PastMeeting(int seed, int index)
    {
        var meeting = _pastMeeting.UseSeed(seed).Generate();
        meeting.MeetingId = $"seed-past-{index + 1}-{meeting.MeetingId}";
        meeting.Course = Courses[index % 2];
        return meeting;
    }

    public PastSessionSeed PastSession(int seed) => _pastSession.UseSeed(seed).Generate();

    /// <summary>A past meeting named like <paramref name="pooled"/>, with its own index (so its own ID) and course.</summary>
    public static PastMeetingSeed PastMeetingLike(PastMeetingSeed pooled, int index)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        var slug = pooled.MeetingId[(pooled.MeetingId.IndexOf('-', "seed-past-".Length) + 1)..];
        return new PastMeetingSeed
        {
            Name = pooled.Name,
            MeetingId = $"seed-past-{index + 1}-{slug}",
            Course = Courses[index % 2],
            Category = pooled.Category,
        };
    }

    /// <summary>A past session with its own seeded numbers and names taken from <paramref name="pool"/> (no Bogus: cheap
    /// enough for a server of 100,000 recordings).</summary>
    public static PastSessionSeed PastSessionLike(int seed, IReadOnlyList<PastSessionSeed> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var random = new Random(seed);
        var names = pool[random.Next(pool.Count)];
        return new PastSessionSeed
        {
            DaysAgo = random.Next(1, 4),
            StartMinuteOfDay = random.Next(8 * 60, (18 * 60) + 1),
            DurationMinutes = random.Next(20, 91),
            Presenter = pool[random.Next(pool.Count)].Presenter,
            Participants = names.Participants,
            Size = random.NextInt64(2_000_000, 80_000_001),
        };
    }

    /// <summary>Lower-case ASCII letters and digits joined by dashes: IDs the BBB docs recommend.</summary>
    public static string Slug(string text)
    {
        var words = new string([.. text.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', words.Take(3));
    }
}
