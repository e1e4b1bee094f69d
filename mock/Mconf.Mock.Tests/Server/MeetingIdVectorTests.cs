using System.Globalization;
using System.Text.Json;

namespace Mconf.Mock.Tests.Server;

/// <summary>The fake's meeting keys and internal meeting IDs against fixtures/meeting-ids/vectors.json (computed with
/// Python). The suite checks its own expectation against the same file, so neither side vouches for the other.</summary>
public sealed class MeetingIdVectorTests
{
    public static IEnumerable<TestCaseData> Vectors() => FixtureVectors.Cases("fixtures/meeting-ids/vectors.json", "vectors");

    [TestCaseSource(nameof(Vectors))]
    public void KeyAndInternal_ReproduceTheVector(JsonElement v)
    {
        var meetingId = FixtureVectors.Text(v, "meetingID");

        MeetingIds.Key(meetingId).ShouldBe(FixtureVectors.Text(v, "key"));
        MeetingIds.Internal(meetingId, long.Parse(FixtureVectors.Text(v, "createTime"), CultureInfo.InvariantCulture))
            .ShouldBe(FixtureVectors.Text(v, "internalMeetingID"));
    }
}
