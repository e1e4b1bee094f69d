using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Mconf.Conformance.Model;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>junit.xml in the common Ant/Surefire dialect CI systems read: one <c>testsuite</c> per layer, a
/// <c>testcase</c> per case (name = case ID, classname = <c>mconf-conformance.&lt;layer&gt;.&lt;call&gt;</c>, the
/// spec ID in its properties). Failed → <c>failure</c> whose message attribute is the finding (the message's
/// first line) and whose text is the whole message with the evidence; inconclusive, skipped
/// and known-failing → <c>skipped</c> with the reason, as none of them is a pass nor a failure. A run that could
/// not start is one <c>preflight</c> testcase with an <c>error</c>.</summary>
public static class JUnitWriter
{
    public const string FileName = "junit.xml";

    public static XDocument Build(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var suites = new List<XElement>();
        foreach (var layer in document.Cases.GroupBy(c => c.Layer, StringComparer.Ordinal))
        {
            var cases = layer.ToList();
            suites.Add(Suite(document, layer.Key, cases, cases.Select(TestCase), errors: 0));
        }

        if (document.AbortReason is not null || document.Cases.Count == 0)
        {
            var reason = document.AbortReason ?? document.Summary;
            var preflight = new XElement("testcase",
                new XAttribute("name", "preflight"),
                new XAttribute("classname", "mconf-conformance.preflight"),
                new XAttribute("time", "0"),
                new XElement("error", new XAttribute("message", Clean(reason)), new XAttribute("type", "could-not-run"), Clean(document.Summary)));
            suites.Insert(0, Suite(document, "preflight", [], [preflight], errors: 1));
        }

        var totals = document.Totals;
        var root = new XElement("testsuites",
            new XAttribute("name", "mconf-conformance"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", totals.Failed),
            new XAttribute("errors", suites.Sum(s => (int)s.Attribute("errors")!)),
            new XAttribute("skipped", totals.Inconclusive + totals.Skipped + totals.KnownFailing),
            new XAttribute("time", Seconds(document.DurationSeconds)),
            new XAttribute("timestamp", document.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    public static string Render(ResultsDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), Settings))
        {
            Build(document).Save(writer);
        }

        return builder.Append('\n').ToString();
    }

    public static void Write(ResultsDocument document, string path) => File.WriteAllText(path, Render(document), new UTF8Encoding(false));

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };

    private static XElement Suite(ResultsDocument document, string name, IReadOnlyList<CaseRecord> cases, IEnumerable<XElement> testcases, int errors)
    {
        var list = testcases.ToList();
        var target = document.Target;
        return new XElement("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", list.Count),
            new XAttribute("failures", cases.Count(c => c.Verdict == Verdict.Failed)),
            new XAttribute("errors", errors),
            new XAttribute("skipped", cases.Count(c => c.Verdict is Verdict.Inconclusive or Verdict.Skipped or Verdict.KnownFailing)),
            new XAttribute("time", Seconds(cases.Sum(c => c.DurationMs) / 1000)),
            new XAttribute("timestamp", document.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", Clean(target is null ? "unknown" : HostOf(target.Url))),
            new XElement("properties",
                Property("kitVersion", document.KitVersion),
                Property("runId", document.RunId),
                Property("target", target?.Url ?? "unknown"),
                Property("flavour", target?.Flavour ?? "unknown"),
                Property("apiVersion", target?.ApiVersion ?? "unknown"),
                Property("checksum", document.Options.Checksum),
                Property("tier", document.Options.Tier),
                Property("verdict", VerdictNames.Of(document.Verdict)),
                Property("mconfLiveDeltasVerified", $"{document.DeltasVerified} of {document.Deltas.Count}"),
                Property("deltasVerified", document.DeltasVerified.ToString(CultureInfo.InvariantCulture)),
                Property("deltasTotal", document.Deltas.Count.ToString(CultureInfo.InvariantCulture)),
                Property("deltasUnverified", string.Join(", ", document.Deltas.Where(d => !d.Verified).Select(d => d.Id))),
                Property("meetingsCreated", document.Footprint?.MeetingsCreated.ToString(CultureInfo.InvariantCulture) ?? "unknown"),
                Property("maxLiveMeetings", document.Footprint is { } f ? $"{f.MaxLiveMeetings} (bound {f.MaxLiveBound})" : "unknown"),
                Property("requestsSent", document.Footprint?.RequestsSent.ToString(CultureInfo.InvariantCulture) ?? "unknown"),
                Property("earlierRunMeetings", string.Join(", ", document.EarlierRunMeetings.Select(m => m.MeetingId))),
                Property("casesSelected", document.CasesSelected.ToString(CultureInfo.InvariantCulture)),
                Property("presenceSeconds", document.Presence is { } p ? p.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture) : "none"),
                Property("targetSpeed", document.Speed?.Line() ?? "none"),
                Property("slowestCalls", document.Speed?.SlowestText(5) ?? "none"),
                Property("exploration", document.Exploration is { } x
                    ? $"{VerdictNames.Of(x.Verdict)}: {x.SequencesRun} sequences run ({x.SequencesPlanned} planned), {x.RequestsSent} requests (budget {x.RequestBudget}), seed {x.Seed}" +
                      (x.Invariant is null ? "" : $"; broken at step {x.BrokenAtStep} of {x.Steps.Count}: {x.Invariant}")
                    : "none"),
                ObservationList.Of(document).Where(o => o.Cases.Any(id => cases.Any(c => c.Id == id)))
                    .Select(o => Property("observation", $"{string.Join(", ", o.Cases)}: {o.Text}"))),
            list);
    }

    private static XElement TestCase(CaseRecord c)
    {
        var element = new XElement("testcase",
            new XAttribute("name", Clean(c.Id)),
            new XAttribute("classname", Clean($"mconf-conformance.{c.Layer}.{c.Call}")),
            new XAttribute("time", Seconds(c.DurationMs / 1000)),
            new XElement("properties",
                Property("SpecId", c.Spec.Id),
                Property("title", c.Title),
                Property("layer", c.Layer),
                Property("tier", c.Tier),
                Property("source", $"{c.Spec.Doc} {c.Spec.Section}".Trim()),
                Property("verdict", VerdictNames.Of(c.Verdict)),
                c.Witnesses.Take(MaxWitnessProperties).Select(w => Property("witness", Witness(w)))));
        switch (c.Verdict)
        {
            case Verdict.Failed:
                element.Add(new XElement("failure",
                    new XAttribute("message", Clean(Judgement.Finding(c.Message, c.Id))),
                    new XAttribute("type", "failed"),
                    Clean(Details(c))));
                break;
            case Verdict.Inconclusive or Verdict.Skipped or Verdict.KnownFailing:
                element.Add(new XElement("skipped", new XAttribute("message", Clean($"{VerdictNames.Of(c.Verdict)}: {Judgement.Finding(c.Message, c.Id)}"))));
                break;
        }

        // A failure already carries its evidence; the other non-passes get it as output.
        if (c.Verdict is not (Verdict.Passed or Verdict.Failed) && c.Evidence.Count > 0)
        {
            element.Add(new XElement("system-out", Clean(Evidence(c))));
        }

        return element;
    }

    /// <summary>Observed values carried per testcase as properties (results.json keeps more).</summary>
    public const int MaxWitnessProperties = 5;

    private static string Witness(WitnessRecord w) =>
        $"{w.SpecId}: {w.Value}{(w.Record.Length == 0 ? "" : " in " + w.Record)} ({w.Request})";

    private static string Details(CaseRecord c) =>
        $"{c.Message}\n\nRequirement: {c.Requirement}\nAction: {c.Action}\nSpec: {c.Spec.Id} ({c.Spec.Doc} {c.Spec.Section})\n\n{Evidence(c)}";

    private static string Evidence(CaseRecord c) =>
        string.Join("\n\n", c.Evidence.Select(e =>
            $"{e.Method} {e.Url}\n-> {e.Status} {e.ContentType}{(e.Location is null ? "" : "\nLocation: " + e.Location)}\n{e.Body}"));

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Clean(value)));

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    /// <summary>XML 1.0 cannot carry most control characters; a server's body may contain them.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
