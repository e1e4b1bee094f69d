using System.Text.Json;
using System.Text.RegularExpressions;
using Mconf.Conformance.Model;

namespace Mconf.Conformance;

/// <summary>One expected failure: a case ID or a glob over case IDs, the reason (an issue URL or a sentence), and
/// where it was written. Globs mean what they mean for <c>--only</c>/<c>--skip</c> (<see cref="CaseCatalog.Glob"/>:
/// <c>*</c> = any run of characters, slashes included; letters case-insensitive).</summary>
public sealed class KnownFailingEntry(string pattern, string reason, int? line)
{
    private readonly Regex _glob = CaseCatalog.Glob(pattern);

    /// <summary>The case ID or glob the entry covers.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Why the case is expected to fail.</summary>
    public string Reason { get; } = reason;

    /// <summary>The 1-based line in a text file; null for JSON entries.</summary>
    public int? Line { get; } = line;

    /// <summary>True when <see cref="Pattern"/> is a glob.</summary>
    public bool IsGlob => Pattern.Contains('*', StringComparison.Ordinal);

    /// <summary>True when the entry covers <paramref name="caseId"/>.</summary>
    public bool Matches(string caseId) => _glob.IsMatch(caseId);

    /// <summary>Where the entry was written, for messages (<paramref name="source"/> plus the line, when known).</summary>
    public string Where(string source) => Line is { } number ? $"{source} line {number}" : source;
}

/// <summary>The <c>--known-failing</c> list: deviations a server admits, keyed by case ID with a reason
/// (an admitted deviation stays visible in every report instead of being filtered out). A listed case that fails is reported <see cref="Verdict.KnownFailing"/> and allowed;
/// a listed case that passes is turned into a failure ("stale entry"), so the list shrinks as the server is
/// fixed. Every case an entry matches is judged alone, globs included: list
/// exact IDs where part of a family passes.
/// <para>File format, chosen by extension: <c>*.json</c> is one object <c>{"&lt;id-or-glob&gt;": "&lt;reason&gt;"}</c>;
/// anything else is lines <c>&lt;id-or-glob&gt; &lt;reason&gt;</c>, with blank lines and <c>#</c> comments ignored.
/// A reason is required.</para></summary>
public sealed class KnownFailingList
{
    private readonly KnownFailingEntry[] _exact;
    private readonly KnownFailingEntry[] _globs;

    /// <summary>A list of <paramref name="entries"/> read from <paramref name="source"/>.</summary>
    public KnownFailingList(IEnumerable<KnownFailingEntry> entries, string source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        Source = source;
        _exact = [.. Entries.Where(e => !e.IsGlob)];
        _globs = [.. Entries.Where(e => e.IsGlob)];
    }

    /// <summary>No expected failures.</summary>
    public static KnownFailingList Empty { get; } = new([], "");

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<KnownFailingEntry> Entries { get; }

    /// <summary>The file name the entries came from, as shown in messages.</summary>
    public string Source { get; }

    /// <exception cref="InvalidDataException">The file is malformed; the message names the line.</exception>
    public static KnownFailingList Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        var source = Path.GetFileName(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, source) : ParseLines(text, source);
    }

    /// <summary>Parses the line format; <paramref name="source"/> names it in messages. Throws <see cref="InvalidDataException"/> naming the bad line.</summary>
    internal static KnownFailingList ParseLines(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<KnownFailingEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOfAny([' ', '\t']);
            var reason = cut < 0 ? "" : line[(cut + 1)..].Trim();
            if (reason.Length == 0)
            {
                throw new InvalidDataException($"{source} line {i + 1}: an entry needs a reason after the case ID (\"<id-or-glob> <reason>\")");
            }

            entries.Add(new KnownFailingEntry(line[..cut], reason, i + 1));
        }

        return new KnownFailingList(entries, source);
    }

    /// <summary>Parses the JSON format; <paramref name="source"/> names it in messages. Throws <see cref="InvalidDataException"/> when malformed.</summary>
    internal static KnownFailingList ParseJson(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<KnownFailingEntry>();
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: expected one JSON object {{\"<id-or-glob>\": \"<reason>\"}}");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var reason = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : "";
                if (property.Name.Trim().Length == 0 || reason.Length == 0)
                {
                    throw new InvalidDataException($"{source}: entry '{property.Name}' needs a non-empty case ID and a reason string");
                }

                entries.Add(new KnownFailingEntry(property.Name.Trim(), reason, null));
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON (line {ex.LineNumber + 1})", ex);
        }

        return new KnownFailingList(entries, source);
    }

    /// <summary>The entry for a case: an exact ID wins over globs; among globs, the first written.</summary>
    public KnownFailingEntry? Match(string caseId) =>
        _exact.FirstOrDefault(e => e.Pattern == caseId) ?? _globs.FirstOrDefault(e => e.Matches(caseId));

    /// <summary>Applies the list to one result: failed → known-failing, passed → failed (stale entry); other
    /// verdicts are left alone (an inconclusive case neither confirms nor refutes the entry).</summary>
    public CaseResult Apply(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Entries.Count == 0 || Match(result.Case.Id) is not { } entry)
        {
            return result;
        }

        return result.Verdict switch
        {
            Verdict.Failed => result with
            {
                Verdict = Verdict.KnownFailing,
                Message = $"known failing ({entry.Reason}): {result.Message}",
            },
            Verdict.Passed => result with
            {
                Verdict = Verdict.Failed,
                Message = $"stale known-failing entry '{entry.Pattern}' ({entry.Where(Source)}): the case passes now, remove the entry (reason given: {entry.Reason})",
            },
            _ => result,
        };
    }

    /// <summary>Entries that match none of <paramref name="caseIds"/>: most likely a typo or a renamed case.</summary>
    public IEnumerable<KnownFailingEntry> Unmatched(IReadOnlyCollection<string> caseIds) =>
        Entries.Where(e => !caseIds.Any(e.Matches));
}
