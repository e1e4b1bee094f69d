using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mconf.Spec.Tests;

/// <summary>The statement table (specs/statements.json): every statement of specs/reference.md and the wiki copy
/// that states a value, unit, range, ordering, sum, count, relation between calls or echo is mapped to existing
/// rules or to why it is not checkable from outside (no entry may stay uncovered); quotes are verbatim in their
/// section. So that the table cannot silently miss a statement, <see cref="StatementFinder"/> flags statement-like
/// sentences in both documents, and each must be in the table or on its list of sentences that state none.</summary>
[TestFixture]
public sealed partial class StatementTableTests
{
    private const string TablePath = "specs/statements.json";

    private static readonly string[] Kinds = ["value", "unit", "range", "ordering", "sum", "count", "relation", "echo", "default"];

    private Table _table = null!;
    private Dictionary<string, Dictionary<string, string>> _sections = null!;

    [OneTimeSetUp]
    public void Load()
    {
        _table = Table.Parse(RepoRoot.Read(TablePath));
        _sections = new(StringComparer.Ordinal)
        {
            ["reference"] = StatementFinder.ReferenceSections(RepoRoot.Read("specs/reference.md")),
            ["wiki"] = StatementFinder.WikiSections(RepoRoot.Read("fixtures/wiki/mconf-live-api-wiki.txt")),
        };
    }

    [Test]
    public void Every_quote_is_verbatim_in_its_section()
    {
        var offenders = _table.Statements.Select(s => (s.Doc, s.Section, s.Quote))
            .Concat(_table.NotStatements.Select(n => (n.Doc, n.Section, n.Quote)))
            .Where(q => !_sections.TryGetValue(q.Doc, out var doc) || !doc.TryGetValue(q.Section, out var text)
                || !text.Contains(StatementFinder.Normalize(q.Quote), StringComparison.Ordinal))
            .Select(q => $"{q.Doc} {q.Section}: \"{q.Quote}\"");

        NoOffenders(offenders, "Quotes not verbatim in the named section of their document");
    }

    [Test]
    public void Every_statement_is_mapped_to_rules_or_a_reason()
    {
        var offenders = _table.Statements
            .Where(s => !Kinds.Contains(s.Kind)
                || (s.Rules.Count == 0 && string.IsNullOrWhiteSpace(s.NotCheckable))
                || (s.Rules.Count > 0 && !string.IsNullOrWhiteSpace(s.NotCheckable)))
            .Select(s => $"{s.Section}: \"{s.Quote}\"");

        NoOffenders(offenders, $"Statements with a kind outside {string.Join('/', Kinds)}, or mapped to nothing, or to rules and 'not checkable' at once");
    }

    /// <summary>100 % mapped: a statement checkable from outside has its rule, so an entry may not stay
    /// <c>uncovered</c> (checkable, no rule yet), whatever else it names.</summary>
    [Test]
    public void No_statement_is_left_uncovered() =>
        NoOffenders(LeftUncovered(_table), "Statements left uncovered (checkable, no rule yet): give each a rule or say why it is not checkable from outside");

    private static IEnumerable<string> LeftUncovered(Table table) =>
        table.Statements.Where(s => s.Uncovered is not null).Select(s => $"{s.Section}: \"{s.Quote}\" ({s.Uncovered})");

    [Test]
    public void An_uncovered_entry_is_rejected_even_with_rules()
    {
        var table = Table.Parse("""
            {"statements":[{"doc":"reference","section":"3.3","quote":"q","kind":"relation","rules":["x#y"],"uncovered":"no rule yet"}],
             "notStatements":[]}
            """);

        LeftUncovered(table).ShouldHaveSingleItem().ShouldContain("no rule yet");
    }

    [Test]
    public void Every_mapped_rule_exists()
    {
        var rules = SpecCatalog.LoadFrom(RepoRoot.File("specs")).Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        NoOffenders(_table.Statements.SelectMany(s => s.Rules.Where(r => !rules.Contains(r)).Select(r => $"{s.Section}: {r}")), "Mapped rules missing from specs/rules.json");
    }

    [Test]
    public void Every_not_a_statement_entry_gives_a_reason() =>
        NoOffenders(_table.NotStatements.Where(n => string.IsNullOrWhiteSpace(n.Reason)).Select(n => n.Quote), "Not-a-statement entries without a reason");

    [Test]
    public void Every_statement_like_sentence_of_the_documents_is_in_the_table_or_declared_no_statement()
    {
        var candidates = StatementFinder.Candidates("reference", RepoRoot.Read("specs/reference.md"))
            .Concat(StatementFinder.Candidates("wiki", RepoRoot.Read("fixtures/wiki/mconf-live-api-wiki.txt")))
            .ToList();

        candidates.Count.ShouldBeGreaterThan(50, "the finder found implausibly few statement-like sentences");
        NoOffenders(_table.Uncovered(candidates).Select(c => $"{c.Doc} {c.Section}: {c.Text}"),
            $"Statement-like sentences neither in {TablePath}'s statements nor in its notStatements");
    }

    [Test]
    public void Every_new_meaning_rule_is_traced_to_a_statement()
    {
        string[] meaningKinds = ["epoch-ms", "time-order", "sum-of-parts", "length-minutes", "count-matching", "unique-key"];
        var mapped = _table.Statements.SelectMany(s => s.Rules).ToHashSet(StringComparer.Ordinal);
        NoOffenders(SpecCatalog.LoadFrom(RepoRoot.File("specs")).Rules
            .Where(r => meaningKinds.Contains(r.Kind) && !mapped.Contains(r.Id))
            .Select(r => r.Id), "Meaning rules that no statement of the table maps to");
    }

    // --- the finder itself, on documents made for the purpose

    [Test]
    public void Finder_flags_units_orderings_sums_echoes_and_not_plain_prose()
    {
        const string doc = """
            # Title

            ## 1. Times

            The value is in milliseconds since the epoch. Nothing to see here.
            A size is the sum of its parts; `length` is in minutes, rounded up.

            | element | rule |
            |---|---|
            | maxUsers | echoed from maxParticipants |
            | name | a plain string |

            - Children come in server order.
            - Plain prose again.
            """;

        var found = StatementFinder.Candidates("reference", doc).Select(c => c.Text).ToList();

        found.ShouldBe([
            "The value is in milliseconds since the epoch.",
            "A size is the sum of its parts; `length` is in minutes, rounded up.",
            "| maxUsers | echoed from maxParticipants |",
            "- Children come in server order.",
        ]);
        StatementFinder.Candidates("reference", doc).ShouldAllBe(c => c.Section == "1");
    }

    [Test]
    public void Finder_reads_the_wiki_by_call_and_skips_its_examples()
    {
        const string wiki = """
            intro line

            getStats

            What changed: New API call.

            Number of participants in a meeting. A plain sentence.
            <joinTime>1401206434944</joinTime> <!-- a count of 5 minutes -->
            http://yourserver.com/bigbluebutton/api/getStats?meetingID=Meeting1&count=2
            """;

        var found = StatementFinder.Candidates("wiki", wiki.Replace("\r", "", StringComparison.Ordinal)).ToList();

        found.Select(c => (c.Section, c.Text)).ShouldBe([("getStats", "Number of participants in a meeting.")]);
    }

    [Test]
    public void A_statement_missing_from_the_table_is_reported()
    {
        var candidates = new List<StatementFinder.Candidate>
        {
            new("reference", "3.7", "`length` is in minutes, rounded up."),
            new("reference", "5", "The count is the sum of the parts."),
        };
        var table = Table.Parse("""
            {"statements":[{"doc":"reference","section":"3.7","quote":"`length` is in minutes","kind":"unit","rules":["x#y"]}],
             "notStatements":[]}
            """);

        table.Uncovered(candidates).Select(c => c.Text).ShouldBe(["The count is the sum of the parts."]);
    }

    [Test]
    public void The_real_documents_key_statements_are_found()
    {
        var texts = StatementFinder.Candidates("reference", RepoRoot.Read("specs/reference.md")).Select(c => c.Text)
            .Concat(StatementFinder.Candidates("wiki", RepoRoot.Read("fixtures/wiki/mconf-live-api-wiki.txt")).Select(c => c.Text))
            .ToList();

        string[] expected =
        [
            "`length` is in minutes, rounded up.",
            "a recording's `size` is the sum of its formats' sizes.",
            "`createTime` is `System.currentTimeMillis()`",
            "It's the same participantCount returned in getMeetingInfo.",
            "There can only be one presenter at a time in a meeting.",
            "(param voiceBridge)",
        ];
        expected.Where(e => !texts.Any(t => t.Contains(e, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    private static void NoOffenders(IEnumerable<string> offenders, string problem)
    {
        var list = offenders.ToList();
        list.ShouldBeEmpty($"{problem}: {string.Join("; ", list)}");
    }

    /// <summary>specs/statements.json.</summary>
    private sealed record Table(IReadOnlyList<Statement> Statements, IReadOnlyList<NotStatement> NotStatements)
    {
        public static Table Parse(string json)
        {
            var root = JsonSerializer.Deserialize<Table>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                RespectNullableAnnotations = true,
                RespectRequiredConstructorParameters = true,
            });
            return root ?? throw new InvalidDataException("empty statement table");
        }

        /// <summary>The candidates that no quote of the table covers (a quote inside the sentence, or the sentence
        /// inside a quote, in the same document).</summary>
        public IEnumerable<StatementFinder.Candidate> Uncovered(IEnumerable<StatementFinder.Candidate> candidates)
        {
            var quotes = Statements.Select(s => (s.Doc, Quote: StatementFinder.Normalize(s.Quote)))
                .Concat(NotStatements.Select(n => (n.Doc, Quote: StatementFinder.Normalize(n.Quote))))
                .ToList();
            return candidates.Where(c => !quotes.Any(q => q.Doc == c.Doc
                && (c.Text.Contains(q.Quote, StringComparison.Ordinal) || q.Quote.Contains(c.Text, StringComparison.Ordinal))));
        }
    }

    private sealed record Statement(string Doc, string Section, string Quote, string Kind, IReadOnlyList<string>? Rules = null,
        string? NotCheckable = null, string? Uncovered = null)
    {
        public IReadOnlyList<string> Rules { get; init; } = Rules ?? [];
    }

    private sealed record NotStatement(string Doc, string Section, string Quote, string Reason);
}

/// <summary>The lint's heuristic for statement-like sentences: the documents are cut into sentences (each table row
/// is one; the wiki's XML example lines and example URLs are skipped), and a sentence is a candidate when it has a
/// number with a unit, a word of time units or measure (milliseconds, minutes, epoch, rounded, digits), of
/// comparison or aggregation (count, equal, sum, same, order, at most, at least, only one, at a time, default), an
/// echo ("echo", "(param X)") or a value recipe (sha1hex, randomAlphanumeric).</summary>
public static partial class StatementFinder
{
    public sealed record Candidate(string Doc, string Section, string Text);

    public static string Normalize(string text) => Whitespace().Replace(text ?? "", " ").Trim();

    public static IEnumerable<Candidate> Candidates(string doc, string text) =>
        (doc == "wiki" ? WikiSentences(text) : ReferenceSentences(text))
            .Where(s => Statement().IsMatch(s.Text))
            .Select(s => new Candidate(doc, s.Section, s.Text));

    /// <summary>Section number → its text, whitespace-normalised ("intro" before the first numbered heading).</summary>
    public static Dictionary<string, string> ReferenceSections(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = "intro";
        var lines = new List<string>();
        foreach (var line in Lines(markdown))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                sections[current] = Normalize(string.Join('\n', lines));
                current = heading.Groups["n"].Value;
                lines.Clear();
                continue;
            }

            lines.Add(line);
        }

        sections[current] = Normalize(string.Join('\n', lines));
        return sections;
    }

    /// <summary>Wiki call heading → its text, whitespace-normalised ("intro" before the first heading).</summary>
    public static Dictionary<string, string> WikiSections(string wiki)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Lines(wiki);
        var headings = WikiHeadings(lines);
        var current = "intro";
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (headings.Contains(line))
            {
                sections[current] = Normalize(string.Join('\n', body));
                current = line;
                body.Clear();
                continue;
            }

            body.Add(line);
        }

        sections[current] = Normalize(string.Join('\n', body));
        return sections;
    }

    private static IEnumerable<(string Section, string Text)> ReferenceSentences(string markdown)
    {
        var section = "intro";
        var paragraph = new List<string>();
        var found = new List<(string, string)>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                found.AddRange(Sentence().Split(Normalize(string.Join(' ', paragraph))).Where(s => s.Length > 0).Select(s => (section, s)));
                paragraph.Clear();
            }
        }

        foreach (var line in Lines(markdown))
        {
            if (line.StartsWith('#'))
            {
                Flush();
                if (Heading().Match(line) is { Success: true } heading)
                {
                    section = heading.Groups["n"].Value;
                }
            }
            else if (line.StartsWith('|'))
            {
                Flush();
                if (!TableRule().IsMatch(line))
                {
                    found.Add((section, Normalize(line)));
                }
            }
            else if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                if (ListItem().IsMatch(line))
                {
                    Flush();
                }

                paragraph.Add(line);
            }
        }

        Flush();
        return found;
    }

    private static IEnumerable<(string Section, string Text)> WikiSentences(string wiki)
    {
        var lines = Lines(wiki);
        var headings = WikiHeadings(lines);
        var section = "intro";
        foreach (var line in lines)
        {
            if (headings.Contains(line))
            {
                section = line;
                continue;
            }

            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('<') || text.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var sentence in Sentence().Split(Normalize(text)).Where(s => s.Length > 0))
            {
                yield return (section, sentence);
            }
        }
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];

    /// <summary>The wiki's call headings: a line followed, two lines on, by "What changed".</summary>
    private static HashSet<string> WikiHeadings(List<string> lines) =>
        lines.Where((line, i) => i + 2 < lines.Count && lines[i + 2].StartsWith("What changed", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?(?:ms|s|min|minutes?|seconds?|hours?|days?|digits?|characters?|bytes?)\b|millisecond|\bminutes?\b|\bseconds?\b|\bepoch\b|currentTimeMillis|\bcounts?\b|Count\b|\bequals?\b|\bsum\b|\border\b|\becho|\bsame\b|rounded|\bdefault\b|≤|\bat most\b|\bat least\b|\bonly one\b|\bat a time\b|\(param \w+\)|\bdigits?\b|randomAlphanumeric|sha1hex|\bnumber of\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z`*(""])")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^#{1,3} (?<n>\d+(?:\.\d+)?)\.? ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|[-| ]+\|$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*(?:- |\d+\. )")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
