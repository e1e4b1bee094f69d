using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>The answer-mutation operators the power harness applies to every element path and rule of the spec
/// (<see cref="AnswerMutants"/>): element operators (drop, empty, wrong type, ±1, ×1000/÷1000, case flip, a
/// sibling record's value, duplicate, drop one of several) and state operators (a stale value, a count that
/// ignores an attendee, filters dropped, negated or applied to one parameter, an ID list cut to its first item,
/// a request value not echoed or coerced). Each returns a fresh <see cref="Mutation"/> (the stateful ones keep
/// their memory per instance).</summary>
public static partial class Mutations
{
    /// <summary>Changes the list of elements at <paramref name="path"/> in <paramref name="call"/>'s XML answers.</summary>
    public static Mutation Elements(string name, string call, string path, Action<List<XElement>> change) =>
        Xml(name, call, root => change(Select(root, path).ToList()));

    /// <summary>Replaces the text of every leaf element at <paramref name="path"/> whose value <paramref name="value"/>
    /// maps to non-null.</summary>
    public static Mutation MapLeaves(string name, string call, string path, Func<string, string?> value) =>
        Elements(name, call, path, elements =>
        {
            foreach (var element in elements.Where(e => !e.HasElements))
            {
                if (value(element.Value.Trim()) is { } changed)
                {
                    element.Value = changed;
                }
            }
        });

    /// <summary>Each record's value becomes the next record's (rotated), where the records differ.</summary>
    public static Mutation SiblingValue(string call, string path) =>
        Elements($"sibling value of <{path}> in {call}", call, path, elements =>
        {
            var leaves = elements.Where(e => !e.HasElements).ToList();
            var values = leaves.Select(e => e.Value).ToList();
            for (var i = 0; i < leaves.Count; i++)
            {
                leaves[i].Value = values[(i + 1) % values.Count];
            }
        });

    /// <summary>Every element at <paramref name="path"/> is written twice.</summary>
    public static Mutation Duplicate(string call, string path) =>
        Elements($"duplicate <{path}> in {call}", call, path, elements =>
        {
            foreach (var element in elements)
            {
                element.AddAfterSelf(new XElement(element));
            }
        });

    /// <summary>Of several elements at <paramref name="path"/> (under one parent), the last is left out.</summary>
    public static Mutation DropOneOfSeveral(string call, string path) =>
        Elements($"drop one of several <{path}> in {call}", call, path, elements =>
        {
            foreach (var group in elements.GroupBy(e => e.Parent).Where(g => g.Count() >= 2))
            {
                group.Last().Remove();
            }
        });

    /// <summary>A stale answer: each value at <paramref name="path"/> stays what the first answer said for the same
    /// record (the enclosing meetingID/recordID, or the request's meetingID), whatever happened since.</summary>
    public static Mutation Stale(string call, string path)
    {
        var first = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        return new($"stale <{path}> in {call}", Response: (request, response) => request.Call != call ? response : Rewrite(response, root =>
        {
            var asked = QueryString.Get(request.RawQuery, "meetingID") ?? "";
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var element in Select(root, path).Where(e => !e.HasElements).ToList())
            {
                var record = RecordKey(element) ?? asked;
                var key = record + "|" + path;
                seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 0;
                var value = first.GetOrAdd(key + "|" + seen[key].ToString(CultureInfo.InvariantCulture), element.Value);
                element.Value = value;
            }
        }, indent: false));
    }

    /// <summary>getMeetingInfo leaves its last attendee out of the attendee list (the counts stay).</summary>
    public static Mutation AttendeeIgnored() =>
        Elements("an attendee missing from getMeetingInfo's list", "getMeetingInfo", "attendees/attendee", attendees =>
        {
            if (attendees.Count > 0)
            {
                attendees[^1].Remove();
            }
        });

    /// <summary>Every listed attendee is a presenter.</summary>
    public static Mutation EveryonePresenter() =>
        MapLeaves("every attendee a presenter", "getMeetingInfo", "attendees/attendee/isPresenter", _ => "true");

    /// <summary>A list selection applied by <paramref name="keep"/>(requested IDs, a record's ID): the selection
    /// parameter is taken out of the request and the answer filtered (<c>getStats</c>: stats/meeting by meetingID;
    /// <c>getRecordings</c>: recordings/recording by meetingID).</summary>
    public static Mutation ListSelectedBy(string name, string call, string secret, Func<IReadOnlyList<string>, string, bool> keep) =>
        ReSelect($"{call} meetingID list {name}", call, secret, p => p.Key == "meetingID", (query, root) =>
        {
            if (QueryString.Get(query, "meetingID") is not { } selection)
            {
                return;
            }

            var wanted = selection.Split(',');
            var (records, empty) = call == "getStats"
                ? ("stats/meeting", ("noStats", "There are no stats for the meeting(s)."))
                : ("recordings/recording", ("noRecordings", "There are no recordings for the meeting(s)."));
            foreach (var record in Select(root, records).ToList())
            {
                if (!keep(wanted, record.Element("meetingID")?.Value.Trim() ?? ""))
                {
                    record.Remove();
                }
            }

            if (!Select(root, records).Any() && root.Element("messageKey") is null)
            {
                root.Add(new XElement("messageKey", empty.Item1), new XElement("message", empty.Item2));
            }
        });

    /// <summary><paramref name="call"/> answers, for <paramref name="path"/>, <paramref name="value"/>(the value the
    /// request gave for <paramref name="param"/>, the answered value) whenever the request carried the parameter.</summary>
    public static Mutation EchoChanged(string name, string call, string param, string path, Func<string, string, string> value) =>
        new($"{call} {param} {name}", Response: (request, response) =>
        {
            if (request.Call != call || QueryString.Get(request.RawQuery, param) is not { } given)
            {
                return response;
            }

            return Rewrite(response, root =>
            {
                foreach (var element in Select(root, path).Where(e => !e.HasElements))
                {
                    element.Value = value(given, element.Value);
                }
            }, indent: false);
        });

    /// <summary>Every text value written as a CDATA section (the same text to any XML reader).</summary>
    public static Mutation Cdata() =>
        Xml("values as CDATA", null, root =>
        {
            foreach (var leaf in root.Descendants().Where(e => !e.HasElements && e.Value.Length > 0 && !e.Value.Contains("]]>", StringComparison.Ordinal)).ToList())
            {
                var value = leaf.Value;
                leaf.ReplaceNodes(new XCData(value));
            }
        });

    /// <summary>Swaps the case of every letter.</summary>
    public static string FlipCase(string value) =>
        new([.. value.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);

    private static string? RecordKey(XElement element)
    {
        for (var parent = element.Parent; parent is not null && parent.Name.LocalName != "response"; parent = parent.Parent)
        {
            if ((parent.Element("recordID") ?? parent.Element("meetingID")) is { } id && id != element)
            {
                return parent.Name.LocalName + ":" + id.Value.Trim();
            }
        }

        return null;
    }
}
