using System.Text.RegularExpressions;
using Mconf.Mock.Api;
using Mconf.Mock.Fleet;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>Every messageKey the fake can write is catalogued in specs/errors.json (the fake's own keys there with
/// scope <c>fake</c>). Read from the fake's source: each place that writes a key names
/// it as a literal or a constant; the keys a call's check order names come from the spec itself (spec lint keeps
/// them the call's own keys). A fault's messageKey is the fault author's choice, not the fake's.</summary>
public sealed partial class MessageKeyCatalogueTests
{
    private static readonly string Source = RepoRoot.File("mock/Mconf.Mock");

    [Test]
    public void EveryMessageKeyTheFakeWrites_IsInErrorsJson()
    {
        var catalogued = SpecCatalog.Load().Errors.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var written = WrittenKeys();

        // The scan itself must keep finding the keys written in each way (literal, constant, catalogue helper).
        written.Keys.ShouldContain("notFound");
        written.Keys.ShouldContain("noMeetings");
        written.Keys.ShouldContain("internalError");
        written.Keys.ShouldContain(AnswerCatalog.ServerUnavailable);
        written.Keys.ShouldContain(AnswerCatalog.NoRecordedAnswer);
        written.Where(w => !catalogued.Contains(w.Key)).Select(w => $"{w.Key} ({w.Value})").ShouldBeEmpty();
    }

    [Test]
    public void TheOutageEnvelope_ComesFromTheCatalogue_WithTheSameBytesAsBefore() =>
        Availability.FailedEnvelope.ShouldBe(
            "<response><returncode>FAILED</returncode><messageKey>serverUnavailable</messageKey><message>The server is unavailable (outage set on the fake).</message></response>");

    /// <summary>Key → the first file writing it.</summary>
    private static Dictionary<string, string> WrittenKeys()
    {
        var files = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Source, f), File.ReadAllText);
        var constants = files.Values.SelectMany(text => Constant().Matches(text))
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Groups["value"].Value).OrderBy(v => v.StartsWith('"') ? 0 : 1).First(), StringComparer.Ordinal);

        string Resolve(string token)
        {
            // A literal, or a constant (possibly qualified, possibly defined as another constant).
            for (var i = 0; i < 5 && !token.StartsWith('"'); i++)
            {
                token = constants.GetValueOrDefault(token[(token.LastIndexOf('.') + 1)..], token);
            }

            return token.Trim('"');
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            foreach (Match m in KeyWrite().Matches(text))
            {
                keys.TryAdd(Resolve(m.Groups["key"].Value), file);
            }
        }

        keys.Remove("");
        return keys;
    }

    /// <summary>The ways the fake writes a key: <c>Fail("k", ...)</c>, <c>FailErrors</c>, <c>Message("k", ...)</c>,
    /// <c>OwnError(k)</c>, <c>EmptyList("k", ...)</c>, <c>Envelope.Error(k, ...)</c>, <c>Envelope.Errors(k, ...)</c>,
    /// <c>Envelope.Keyed(code, k, ...)</c> and <c>.Element("messageKey", "k")</c>.</summary>
    [GeneratedRegex("""(?:\b(?:Fail|FailErrors|Message|OwnError|EmptyList)\(|Envelope\.(?:Error|Errors)\(|Envelope\.Keyed\([^,]+,\s*|\.Element\("messageKey",\s*)(?<key>"[A-Za-z]*"|[A-Z][A-Za-z.]*)(?=[,)])""")]
    private static partial Regex KeyWrite();

    [GeneratedRegex("""const string (?<name>[A-Za-z]+) = (?<value>"[A-Za-z]*"|[A-Z][A-Za-z.]*);""")]
    private static partial Regex Constant();
}
