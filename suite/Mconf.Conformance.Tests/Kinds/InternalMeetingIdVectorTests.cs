using System.Text.Json;
using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests.Kinds;

/// <summary>The suite's own internalMeetingID expectation against fixtures/meeting-ids/vectors.json, which was computed
/// with Python, not with the kit's C#. The fake is checked against the same vectors on its side, so the two
/// implementations never vouch for each other.</summary>
public sealed class InternalMeetingIdVectorTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        using var document = JsonDocument.Parse(RepoRoot.Read("fixtures/meeting-ids/vectors.json"));
        foreach (var v in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new TestCaseData(S(v, "meetingID"), S(v, "createTime"), S(v, "internalMeetingID")).SetName($"internalMeetingID: {S(v, "name")}");
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Expected_ReproducesTheVector(string meetingId, string createTime, string internalMeetingId) =>
        InternalMeetingIdCase.Expected(meetingId, createTime).ShouldBe(internalMeetingId);

    [Test]
    public void Vectors_CoverAsciiSpacesAndNonAscii()
    {
        var ids = Vectors().Select(d => (string)d.Arguments[0]!).ToList();

        ids.ShouldContain("Demo Meeting");
        ids.ShouldContain(id => id.Contains(' ', StringComparison.Ordinal));
        ids.ShouldContain(id => id.Any(c => c > 127));
    }

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
