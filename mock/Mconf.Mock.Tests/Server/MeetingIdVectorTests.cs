using System.Globalization;
using System.Text.Json;

namespace Mconf.Mock.Tests.Server;

/// <summary>The fake's meeting keys and internal meeting IDs against fixtures/meeting-ids/vectors.json (computed with
/// Python). The suite checks its own expectation against the same file, so neither side vouches for the other.</summary>
public sealed class MeetingIdVectorTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        using var document = JsonDocument.Parse(RepoRoot.Read("fixtures/meeting-ids/vectors.json"));
        foreach (var v in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new TestCaseData(S(v, "meetingID"), S(v, "createTime"), S(v, "key"), S(v, "internalMeetingID"))
                .SetName($"meeting IDs: {S(v, "name")}");
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void KeyAndInternal_ReproduceTheVector(string meetingId, string createTime, string key, string internalMeetingId)
    {
        MeetingIds.Key(meetingId).ShouldBe(key);
        MeetingIds.Internal(meetingId, long.Parse(createTime, CultureInfo.InvariantCulture)).ShouldBe(internalMeetingId);
    }

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
