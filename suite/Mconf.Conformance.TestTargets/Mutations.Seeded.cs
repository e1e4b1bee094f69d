namespace Mconf.Conformance.TestTargets;

/// <summary>Bugs seeded on purpose for the explorer's own tests: each shows only after a particular sequence of
/// calls, which the explorer has to find and shrink.</summary>
public static partial class Mutations
{
    /// <summary>participantCount one too high (getMeetingInfo and getMeetings) for a meeting that has seen a
    /// second successful join.</summary>
    public static Mutation ParticipantCountOffAfterSecondJoin() =>
        ParticipantCountAfterJoins("participantCount + 1 after a second join", (joins, shown) => joins >= 2 ? shown + 1 : null);
}
