using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Cases;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>element</c>: an answer element is where the documents put it, in every instance of its parent
/// that is present (<c>always</c>), or, when <c>optional</c>, exactly as its documented condition says
/// (<c>absentWhen</c> and its <c>absentWhen.*</c> arguments, decided from the same answer: specs/reference.md §3.13),
/// and every observed value has the spec's type. The case passes only on values it observed (each is a witness); when
/// no observed answer holds the element, or its parent, it is inconclusive and says what would make it observable.
/// Args: path, type, presence, repeated, values (pipe-separated), parent, alsoAt (for a top-level element: other
/// paths where the docs reasonably put it, e.g. create's voiceBridge "within &lt;meeting&gt;"), absentWhen,
/// absentWhen.list|key|count, absentWhy.</summary>
internal sealed class ElementCheck : ICheck
{
    /// <summary>Distinct records (meetings, attendees, recordings...) a case keeps a witness of.</summary>
    private const int MaxWitnessRecords = 3;

    public string Kind => "element";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var spec = new Shape(
            c.Arg("path"),
            c.OptionalArg("parent") ?? "",
            Enum.Parse<SpecType>(c.Arg("type"), ignoreCase: true),
            c.Args.Flag("repeated"),
            c.Args.List("values"),
            Condition.Of(c));

        var observation = await ElementScenarios.ObserveAsync(ctx, c.Call).ConfigureAwait(false);
        foreach (var answer in observation.Answers)
        {
            Expect.Xml(answer);
        }

        // returncode is in every answer; any other element is checked in success answers only.
        var answers = observation.Answers.Where(a => spec.Path == "returncode" || a.IsSuccess).ToList();
        if (answers.Count == 0)
        {
            var first = observation.Answers.FirstOrDefault();
            if (observation.NoSuccessReason is not null)
            {
                throw new CaseInconclusive(observation.NoSuccessReason);
            }

            throw new CaseFailure($"a SUCCESS answer to {c.Call} to find <{spec.Path}> in", first?.Summary() ?? "no answer", first);
        }

        var parents = 0;
        var records = new HashSet<string>(StringComparer.Ordinal);
        var observed = 0;
        foreach (var answer in answers)
        {
            var root = answer.Xml!.Root;
            var expectation = spec.Condition.Decide(root);
            var contexts = spec.Parent.Length == 0 ? [root] : BbbResponse.Select(root, spec.Parent).ToList();
            foreach (var context in contexts)
            {
                parents++;
                var found = CheckInstance(answer, context, spec, expectation, spec.Parent.Length == 0 ? c.AlsoAt : []);
                foreach (var element in found)
                {
                    observed++;
                    var record = Identify(spec.Repeated ? element : context);
                    if (records.Contains(record) || records.Count >= MaxWitnessRecords)
                    {
                        continue;
                    }

                    records.Add(record);
                    ctx.Witness(answer, record, WitnessValue(element, spec.Type));
                }
            }
        }

        if (parents == 0)
        {
            throw new CaseInconclusive($"{NoParentReason(c.Call, spec.Parent, spec.Name, answers.Count)}; to observe it: {HowToObserve(c.Call, spec.Path)}");
        }

        if (observed == 0)
        {
            var where = spec.Parent.Length == 0 ? $"every observed {c.Call} answer" : $"every observed <{spec.Parent}> ({parents} in {answers.Count} {c.Call} answer(s))";
            throw new CaseInconclusive($"<{spec.Name}> is absent from {where}, which the documents allow ({spec.Condition.Why}), so no value of it was judged; "
                + $"to observe it: {HowToObserve(c.Call, spec.Path)}");
        }
    }

    private static List<XElement> CheckInstance(Target.ApiAnswer answer, XElement context, Shape spec, Expectation expectation, IReadOnlyList<string> alsoAt)
    {
        var where = spec.Parent.Length == 0 ? $"the {answer.Call} answer" : $"every <{spec.Parent}> of the {answer.Call} answer";
        var found = Expect.Locate(context, spec.Name, alsoAt);
        if (found.Count == 0 && expectation.Need == Need.Present)
        {
            throw new CaseFailure($"<{spec.Name}> in {where}{expectation.Because}", $"a <{context.Name.LocalName}> without it{Describe(context)}", answer);
        }

        if (found.Count > 0 && expectation.Need == Need.Absent)
        {
            throw new CaseFailure($"no <{spec.Name}> in {where}{expectation.Because}", $"{found.Count} in a <{context.Name.LocalName}>{Describe(context)}", answer);
        }

        if (found.Count > 1 && !spec.Repeated)
        {
            throw new CaseFailure($"one <{spec.Name}> in {where}", $"{found.Count} of them", answer);
        }

        foreach (var element in found)
        {
            if (spec.Type == SpecType.Group)
            {
                var text = string.Concat(element.Nodes().OfType<XText>().Where(t => t is not XCData).Select(t => t.Value)).Trim();
                if (text.Length > 0)
                {
                    throw new CaseFailure($"<{spec.Path}> to be a group of elements", $"text '{ValueTypes.Shorten(text)}'", answer);
                }

                continue;
            }

            if (element.HasElements)
            {
                throw new CaseFailure($"<{spec.Path}> to hold {ValueTypes.Describe(spec.Type, spec.Values)}", "child elements", answer);
            }

            if (ValueTypes.Problem(spec.Type, BbbResponse.Text(element), spec.Values) is { } problem)
            {
                throw new CaseFailure($"<{spec.Path}> to be {ValueTypes.Describe(spec.Type, spec.Values)}", problem, answer);
            }
        }

        return found;
    }

    private static string WitnessValue(XElement element, SpecType type)
    {
        if (type != SpecType.Group)
        {
            return ValueTypes.Shorten(BbbResponse.Text(element));
        }

        var children = element.Elements().Count();
        return children == 0 ? $"<{element.Name.LocalName}> (empty)" : $"<{element.Name.LocalName}> with {children} child element(s)";
    }

    /// <summary>The record a value belongs to: the nearest attendee, participant, recording or meeting around it
    /// (the answer itself for getMeetingInfo and create), or empty for an answer about no record.</summary>
    internal static string Identify(XElement element)
    {
        foreach (var node in element.AncestorsAndSelf())
        {
            var name = node.Name.LocalName;
            var id = name switch
            {
                "attendee" or "participant" => BbbResponse.Value(node, "userID"),
                "recording" => BbbResponse.Value(node, "recordID"),
                "meeting" or "response" => BbbResponse.Value(node, "meetingID"),
                _ => null,
            };
            if (id is not null)
            {
                return $"{(name == "response" ? "meeting" : name)} {id}";
            }
        }

        return "";
    }

    private static string Describe(XElement context)
    {
        var id = BbbResponse.Value(context, "meetingID") ?? BbbResponse.Value(context, "userID") ?? BbbResponse.Value(context, "recordID");
        return id is null ? "" : $" ({id})";
    }

    internal static string NoParentReason(string call, string parent, string name, int answers)
    {
        var leaf = parent[(parent.LastIndexOf('/') + 1)..];
        var why = leaf switch
        {
            "attendee" => ObservedMeetings.NoAttendeesReason,
            "meeting" when call == "getMeetings" => "the target lists no meeting in getMeetings",
            "meeting" when call == "getStats" => "the target has no stats (stats come from past meetings)",
            "participant" => "no stats entry on the target has participants",
            "recording" => "the target has no recordings (they come from past recorded meetings)",
            "download" => "no recording on the target has a download block (only recordings with download formats have one)",
            _ => $"no observed {call} answer has a <{parent}>",
        };
        return $"nothing to observe <{name}> in: {why} ({answers} {call} answer(s) observed)";
    }

    /// <summary>The run option that would give the case something to observe.</summary>
    internal static string HowToObserve(string call, string path) => (call, path) switch
    {
        (_, _) when path.EndsWith("streamName", StringComparison.Ordinal) =>
            "--presence-driver COMMAND (its share-webcam step makes an attendee share a webcam), or --presence",
        (_, _) when path.StartsWith("attendees/attendee", StringComparison.Ordinal) =>
            "--presence-driver COMMAND (its 'connect JOIN_URL USER_ID MEETING_ID' action connects the suite's users), or --presence (a client connects to the session's meeting)",
        ("getMeetings", "messageKey" or "message") =>
            "--tier read-only against the server while no meeting is in memory (only an empty list carries them)",
        ("getRecordings", _) when path.Contains("download", StringComparison.Ordinal) =>
            "certify a server that makes downloadable recordings, with --presence-driver COMMAND --recordings-wait S so the session's meeting is recorded",
        ("getRecordings", _) =>
            "--presence-driver COMMAND --recordings-wait S (the session records a meeting and waits for its recording)",
        ("getStats", _) => "--presence-driver COMMAND, or --presence (the session's ended meeting has stats with participants)",
        ("getMeetings" or "getMeetingInfo" or "isMeetingRunning", _) => "--tier lifecycle (the suite creates and joins a meeting of its own)",
        _ => "--tier lifecycle",
    };

    private sealed record Shape(string Path, string Parent, SpecType Type, bool Repeated, IReadOnlyList<string> Values, Condition Condition)
    {
        public string Name => Path[(Path.LastIndexOf('/') + 1)..];
    }

    private enum Need
    {
        Present,
        Absent,
        Either,
    }

    /// <summary>What one answer requires of the element, and the documented reason (empty for an <c>always</c> one).</summary>
    private sealed record Expectation(Need Need, string Because);

    /// <summary>The element's documented presence: <c>always</c>, or optional under an <see cref="AbsenceKind"/>
    /// whose arguments name root-level elements and answer keys of the same answer.</summary>
    private sealed record Condition(AbsenceKind? Kind, IReadOnlyDictionary<string, string> Args, string Why)
    {
        public static Condition Of(ConformanceCase c)
        {
            var always = !string.Equals(c.OptionalArg("presence"), "optional", StringComparison.OrdinalIgnoreCase);
            if (always)
            {
                return new Condition(null, new Dictionary<string, string>(), "always present");
            }

            // An optional element without a documented condition is judged only where it is seen.
            var kind = c.OptionalArg("absentWhen") is { Length: > 0 } name ? AbsenceCondition.Parse(name) : AbsenceKind.State;
            var args = c.Args.Pairs("absentArgs").ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            return new Condition(kind, args, (c.OptionalArg("absentWhy") ?? "documented as optional").TrimEnd('.'));
        }

        public Expectation Decide(XElement root)
        {
            if (Kind is not { } kind)
            {
                return new Expectation(Need.Present, "");
            }

            var key = BbbResponse.Value(root, "messageKey")?.Trim() ?? "";
            switch (kind)
            {
                case AbsenceKind.EmptyList or AbsenceKind.EmptyListOnly:
                    var list = Args["list"];
                    var entries = BbbResponse.Select(root, list).Count();
                    return entries == 0
                        ? new Expectation(kind == AbsenceKind.EmptyList ? Need.Present : Need.Either, $", since <{list}> is empty ({Why})")
                        : new Expectation(Need.Absent, $", since <{list}> has {entries} entr{(entries == 1 ? "y" : "ies")} ({Why})");
                case AbsenceKind.MessageKey or AbsenceKind.MessageKeyOnly:
                    var absentKey = Args["key"];
                    return key == absentKey
                        ? new Expectation(kind == AbsenceKind.MessageKey ? Need.Absent : Need.Either, $", since messageKey is {absentKey} ({Why})")
                        : new Expectation(Need.Present, $", since messageKey is not {absentKey} ({Why})");
                case AbsenceKind.NotWithMessageKey:
                    var forbidding = Args["key"];
                    return key == forbidding
                        ? new Expectation(Need.Absent, $", since messageKey is {forbidding} ({Why})")
                        : new Expectation(Need.Either, "");
                case AbsenceKind.Count:
                    var count = Args["count"];
                    // A count that is not a number is the count's own case's failure; here it decides nothing.
                    return long.TryParse(BbbResponse.Value(root, count), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                        ? n > 0
                            ? new Expectation(Need.Present, $", since <{count}> is {n} ({Why})")
                            : new Expectation(Need.Absent, $", since <{count}> is 0 ({Why})")
                        : new Expectation(Need.Either, "");
                default:
                    return new Expectation(Need.Either, "");
            }
        }
    }
}
