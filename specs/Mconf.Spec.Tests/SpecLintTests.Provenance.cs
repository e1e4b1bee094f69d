using System.Text.RegularExpressions;
using Mconf.Spec.Model;

namespace Mconf.Spec.Tests;

/// <summary>Provenance inside the repository: every wiki quote is verbatim text of the wiki copy, every reference
/// citation names a section of specs/reference.md (in the spec and in any file of the kit), and nothing cites a
/// document outside the repository.</summary>
public sealed partial class SpecLintTests
{
    private const string WikiCopy = "fixtures/wiki/mconf-live-api-wiki.txt";
    private const string ReferenceDoc = "specs/reference.md";

    /// <summary>The editorial note a quote may end with (README, "Fields that need explaining").</summary>
    private static readonly Regex EditorialNote = new(@"\s*\[[^\]]*\]$", RegexOptions.CultureInvariant);

    [Test]
    public void Wiki_quotes_appear_verbatim_in_the_wiki_copy()
    {
        var wiki = RepoRoot.Read(WikiCopy);
        NoOffenders(Entries()
            .Where(e => e.Source.Doc == SourceRef.Wiki)
            .Where(e => !wiki.Contains(EditorialNote.Replace(e.Source.Quote, ""), StringComparison.Ordinal)
                || !WikiHeadings(wiki).Contains(e.Source.Section))
            .Select(e => $"{e.Id} ({e.Source.Section}: \"{e.Source.Quote}\")"), $"Wiki sources whose quote is not verbatim in {WikiCopy} or whose section is not a call heading there", "; ");
    }

    [Test]
    public void Reference_citations_name_an_existing_section()
    {
        var sections = ReferenceSections(RepoRoot.Read(ReferenceDoc));
        NoOffenders(Entries()
            .Where(e => e.Source.Doc == SourceRef.Reference && !sections.Contains(e.Source.Section))
            .Select(e => $"{e.Id} (§{e.Source.Section})"), $"Reference sources naming no section of {ReferenceDoc}");
    }

    [Test]
    public void The_reference_keeps_the_section_numbering_every_citation_relies_on()
    {
        string[] expected =
        [
            "0", "1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
            "3.9", "3.10", "3.11", "3.12", "3.13", "4", "4.1", "5", "6", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7", "8", "9",
        ];

        ReferenceSections(RepoRoot.Read(ReferenceDoc)).ShouldBe(expected);
    }

    [Test]
    public void Citations_of_the_reference_anywhere_in_the_kit_name_existing_sections()
    {
        var sections = ReferenceSections(RepoRoot.Read(ReferenceDoc)).ToHashSet(StringComparer.Ordinal);
        NoOffenders(KitTextFiles()
            .SelectMany(file => ReferenceCitation().Matches(File.ReadAllText(file))
                .SelectMany(m => SectionNumber().Matches(m.Groups["sections"].Value).Select(n => n.Value))
                .Where(n => !sections.Contains(n))
                .Select(n => $"{Path.GetRelativePath(RepoRoot.Path, file)}: §{n}")), $"Citations of {ReferenceDoc} naming no section of it", "; ");
    }

    [Test]
    public void No_file_cites_a_document_outside_the_repository()
    {
        // Spelled in pieces so this file does not cite them itself.
        string[] outside = ["../" + "shared/", "bbb-0.9-and-mconf-live-" + "facts", "seed/" + "mconf-live-api-wiki"];
        NoOffenders(KitTextFiles()
            .Where(file => outside.Any(File.ReadAllText(file).Contains))
            .Select(file => Path.GetRelativePath(RepoRoot.Path, file)), $"Files citing a document outside the repository (cite {ReferenceDoc} §N.N or {WikiCopy})");
    }

    [Test]
    public void No_file_gives_a_past_issue_or_an_outside_codebase_as_its_reason()
    {
        // The reference names its upstream sources (§0) by design; everywhere else the kit explains itself in its own
        // words: an issue number or another project's lesson means nothing to a reader of the repository.
        NoOffenders(KitTextFiles()
            .Where(file => !file.EndsWith(ReferenceDoc.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal))
            .SelectMany(file => OutsideReason().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(RepoRoot.Path, file)}: '{m.Value}'")),
            "Files giving a past issue or an outside codebase as the reason (say why in the kit's own words)", "; ");
    }

    /// <summary>An issue number (the word, then a number, with or without a space, hyphen or hash), another
    /// project's lessons or a conformance suite's name; spelled in pieces so this file does not match itself.</summary>
    private static readonly Regex OutsideReasonPattern = new(
        string.Join("|", [@"\b" + "issue" + @"s?[ -]?#?\d+\b", "style" + "-models", @"\b" + "lesson" + @" \d+\b", @"\b" + "h2" + @"spec\b", @"\b" + "connect" + @"rpc\b"]),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    private static Regex OutsideReason() => OutsideReasonPattern;

    /// <summary>Section numbers of the reference's headings, in order ("## 3. Calls" → 3, "### 3.10 …" → 3.10).</summary>
    private static List<string> ReferenceSections(string markdown) =>
        [.. HeadingNumber().Matches(markdown).Select(m => m.Groups["n"].Value)];

    /// <summary>The wiki's call headings: a line that is just a call name, followed by a "What changed" line.</summary>
    private static HashSet<string> WikiHeadings(string wiki)
    {
        var lines = wiki.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return lines.Where((line, i) => i + 2 < lines.Count && lines[i + 2].StartsWith("What changed", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The kit's own text files (source, build, docs, data), without build output and dependencies.</summary>
    private static IEnumerable<string> KitTextFiles()
    {
        string[] skipped = ["bin", "obj", ".git", "node_modules", "reports", "TestResults", ".tools"];
        string[] extensions = [".cs", ".csproj", ".props", ".targets", ".md", ".json", ".sh", ".txt", ".xml", ".mjs", ".yml"];
        return Directory.EnumerateFiles(RepoRoot.Path, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !Path.GetRelativePath(RepoRoot.Path, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .Where(f => !f.EndsWith("package-lock.json", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^#{2,3} (?<n>\d+(?:\.\d+)?)\.? ", RegexOptions.Multiline)]
    private static partial Regex HeadingNumber();

    /// <summary>"specs/reference.md §3.2", "reference.md §3.1, §3.5", "reference.md §2.2–2.3".</summary>
    [GeneratedRegex(@"reference\.md (?<sections>§\d+(?:\.\d+)?(?:(?:, |[-–]|, §| and §)§?\d+(?:\.\d+)?)*)")]
    private static partial Regex ReferenceCitation();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex SectionNumber();
}
