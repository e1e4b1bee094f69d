using System.Text.Json;

namespace Mconf.Testing;

/// <summary>Test vectors kept as JSON under fixtures/ (computed outside the kit's C#): each entry of one array as
/// NUnit test data, named after the entry's <c>name</c>.</summary>
internal static class FixtureVectors
{
    public static IEnumerable<TestCaseData> Cases(string relativePath, string array)
    {
        using var document = JsonDocument.Parse(RepoRoot.Read(relativePath));
        foreach (var vector in document.RootElement.GetProperty(array).EnumerateArray())
        {
            yield return new TestCaseData(vector.Clone()).SetName($"{array}: {Text(vector, "name")}");
        }
    }

    /// <summary>A string property of a vector ("" when it is null).</summary>
    public static string Text(JsonElement vector, string name) => vector.GetProperty(name).GetString() ?? "";
}
