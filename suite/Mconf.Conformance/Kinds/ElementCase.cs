using System.Xml.Linq;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>element</c>: an answer element is present where the spec says (<c>always</c>: in every instance
/// of its parent; <c>optional</c>: may be absent) and its value has the spec's type. Args: path, type, presence,
/// repeated, values (pipe-separated), parent, alsoAt (for a top-level element: other paths where the docs
/// reasonably put it, e.g. create's voiceBridge "within &lt;meeting&gt;").</summary>
public sealed class ElementCase : ICaseKind
{
    public string Kind => "element";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var path = c.Arg("path");
        var parent = c.OptionalArg("parent") ?? "";
        var name = path[(path.LastIndexOf('/') + 1)..];
        var type = Enum.Parse<SpecType>(c.Arg("type"), ignoreCase: true);
        var always = !string.Equals(c.OptionalArg("presence"), "optional", StringComparison.OrdinalIgnoreCase);
        var repeated = string.Equals(c.OptionalArg("repeated"), "true", StringComparison.OrdinalIgnoreCase);
        var values = (c.OptionalArg("values") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var observation = await ElementScenarios.ObserveAsync(ctx, c.Call).ConfigureAwait(false);
        foreach (var answer in observation.Answers)
        {
            Expect.Xml(answer);
        }

        // returncode is in every answer; any other element is checked in success answers only.
        var answers = observation.Answers.Where(a => path == "returncode" || a.IsSuccess).ToList();
        if (answers.Count == 0)
        {
            var first = observation.Answers.FirstOrDefault();
            if (observation.NoSuccessReason is not null)
            {
                throw new CaseInconclusive(observation.NoSuccessReason);
            }

            throw new CaseFailure($"a SUCCESS answer to {c.Call} to find <{path}> in", first?.Summary() ?? "no answer", first);
        }

        var parents = 0;
        foreach (var answer in answers)
        {
            var root = answer.Xml!.Root;
            var contexts = parent.Length == 0 ? [root] : BbbResponse.Select(root, parent).ToList();
            foreach (var context in contexts)
            {
                parents++;
                CheckInstance(answer, context, name, path, parent, type, always, repeated, values, parent.Length == 0 ? c.AlsoAt : []);
            }
        }

        if (parents == 0)
        {
            throw new CaseInconclusive(NoParentReason(c.Call, parent, name, answers.Count));
        }
    }

    private static void CheckInstance(Target.ApiAnswer answer, XElement context, string name, string path, string parent, SpecType type,
        bool always, bool repeated, string[] values, IReadOnlyList<string> alsoAt)
    {
        var where = parent.Length == 0 ? $"the {answer.Call} answer" : $"every <{parent}> of the {answer.Call} answer";
        var found = Expect.Locate(context, name, alsoAt);
        // getStats with nothing to answer may say noStats without any <stats> element (a legitimate empty answer).
        var emptyStats = answer.Call == "getStats" && path == "stats" && answer.Xml?.MessageKey == "noStats";
        if (found.Count == 0 && always && !emptyStats)
        {
            throw new CaseFailure($"<{name}> in {where}", $"a <{context.Name.LocalName}> without it{Identify(context)}", answer);
        }

        if (found.Count > 1 && !repeated)
        {
            throw new CaseFailure($"one <{name}> in {where}", $"{found.Count} of them", answer);
        }

        foreach (var element in found)
        {
            if (type == SpecType.Group)
            {
                var text = string.Concat(element.Nodes().OfType<XText>().Where(t => t is not XCData).Select(t => t.Value)).Trim();
                if (text.Length > 0)
                {
                    throw new CaseFailure($"<{path}> to be a group of elements", $"text '{ValueTypes.Shorten(text)}'", answer);
                }

                continue;
            }

            if (element.HasElements)
            {
                throw new CaseFailure($"<{path}> to hold {ValueTypes.Describe(type, values)}", "child elements", answer);
            }

            if (ValueTypes.Problem(type, BbbResponse.Text(element), values) is { } problem)
            {
                throw new CaseFailure($"<{path}> to be {ValueTypes.Describe(type, values)}", problem, answer);
            }
        }
    }

    private static string Identify(XElement context)
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
            _ => $"no observed {call} answer has a <{parent}>",
        };
        return $"nothing to observe <{name}> in: {why} ({answers} {call} answer(s) observed)";
    }
}
