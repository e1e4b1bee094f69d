using System.Text.Json;
using Mconf.Conformance.Kinds;

namespace Mconf.Conformance.Tests.Kinds;

/// <summary>The suite's own internalMeetingID expectation against fixtures/meeting-ids/vectors.json, which was computed
/// with Python, not with the kit's C#. The fake is checked against the same vectors on its side, so the two
/// implementations never vouch for each other.</summary>
public sealed class InternalMeetingIdVectorTests
{
    public static IEnumerable<TestCaseData> Vectors() => FixtureVectors.Cases("fixtures/meeting-ids/vectors.json", "vectors");

    [TestCaseSource(nameof(Vectors))]
    public void Expected_ReproducesTheVector(JsonElement v) =>
        InternalMeetingIdCheck.Expected(FixtureVectors.Text(v, "meetingID"), FixtureVectors.Text(v, "createTime"))
            .ShouldBe(FixtureVectors.Text(v, "internalMeetingID"));

    [Test]
    public void Vectors_CoverAsciiSpacesAndNonAscii()
    {
        var ids = Vectors().Select(d => FixtureVectors.Text((JsonElement)d.Arguments[0]!, "meetingID")).ToList();

        ids.ShouldContain("Demo Meeting");
        ids.ShouldContain(id => id.Contains(' ', StringComparison.Ordinal));
        ids.ShouldContain(id => id.Any(c => c > 127));
    }
}
