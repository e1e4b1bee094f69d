using System.Collections.Concurrent;
using System.Globalization;
using Mconf.Mock;
using Mconf.Spec;
using Mconf.Spec.Model;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>One generated fault of the fake's answers: <see cref="Id"/> is <c>specId@operator</c>;
/// <see cref="SpecId"/> the element, parameter or rule it breaks; <see cref="Delta"/> the documented Mconf-Live
/// delta it breaks (null for a BBB 0.9 entry). <see cref="Create"/> builds a fresh mutation (its memory is per run)
/// for a fake with the given secret.</summary>
public sealed record AnswerMutant(string Id, string Call, string SpecId, string Operator, string Kind, string? Delta, Func<FakeMconfServer, Mutation> Create)
{
    public override string ToString() => Id;
}

/// <summary>A transformation a correct server may show: the suite must pass it. <see cref="Busy"/> ones are not
/// proxies but the fake with other tenants acting (<see cref="BusyTarget"/>).</summary>
public sealed record ToleratedTransformation(string Name, Func<FakeMconfServer, Mutation>? Create, bool Busy = false)
{
    public override string ToString() => Name;
}

/// <summary>Generates the answer mutants from the spec: every response element of every call gets each element
/// operator that applies to its type and shape, every rule the state and behaviour operators of its kind, every
/// call with a checksum one that stops enforcing it. The list is deterministic (spec order), so a seeded sample
/// is the same sample on every machine.</summary>
public static class AnswerMutants
{
    /// <summary>Element operators, in the order they are generated.</summary>
    public static readonly IReadOnlyList<string> ElementOperators =
        ["drop", "empty", "wrong-type", "plus-one", "minus-one", "times-1000", "div-1000", "case-flip", "sibling-value", "duplicate", "drop-one", "stale"];

    /// <summary>Calls whose answers change as the meetings live: the stale operator applies to their values.</summary>
    private static readonly HashSet<string> LiveCalls = new(StringComparer.Ordinal) { "getMeetingInfo", "getMeetings", "getStats", "getRecordings", "isMeetingRunning" };

    public static IReadOnlyList<AnswerMutant> All(SpecCatalog? spec = null)
    {
        spec ??= SpecCatalog.Load();
        var list = new List<AnswerMutant>();
        foreach (var call in spec.Calls)
        {
            foreach (var element in call.Response)
            {
                list.AddRange(ForElement(call, element));
            }
        }

        list.AddRange(Behaviour(spec));
        return list;
    }

    /// <summary>The tolerated transformations: every legitimate variation of <see cref="Mutations"/>, CDATA, and a
    /// busy server.</summary>
    public static IReadOnlyList<ToleratedTransformation> Tolerated() =>
    [
        .. Mutations.LegitimateVariations().Select(v => new ToleratedTransformation(v.Name, _ => Recreate(v.Name))),
        new("values as CDATA", _ => Mutations.Cdata()),
        new("guests accepted at once", _ => Mutations.GuestsAcceptedAtOnce()),
        new("videoCount per participant", fake => Mutations.VideoCountPerParticipant(fake)),
        new("noStats without a stats element", _ => Mutations.NoStatsWithoutElement()),
        new("a busy server's changes", null, Busy: true),
    ];

    private static Mutation Recreate(string name) => Mutations.LegitimateVariations().First(v => v.Name == name);

    private static IEnumerable<AnswerMutant> ForElement(CallSpec call, ElementSpec element)
    {
        var path = element.Path;
        // The proxy names the API root's answer "" (MutatingProxy.CallName), the spec names it index.
        var name = call.Name == "index" ? "" : call.Name;
        var delta = element.Origin == Origin.MconfLive ? element.Id : null;
        AnswerMutant M(string op, Func<FakeMconfServer, Mutation> create) => new($"{element.Id}@{op}", call.Name, element.Id, op, "element", delta, create);

        yield return M("drop", _ => Mutations.RemoveElement(name, path));
        if (element.Type != SpecType.Group)
        {
            yield return M("empty", _ => Mutations.MapLeaves($"empty <{path}> in {name}", name, path, v => v.Length == 0 ? null : ""));
            if (WrongType(element) is { } wrong)
            {
                yield return M("wrong-type", _ => Mutations.MapLeaves($"<{path}> of the wrong type in {name}", name, path, _ => wrong));
            }

            if (element.Type is SpecType.Number or SpecType.Timestamp)
            {
                yield return M("plus-one", _ => Mutations.MapLeaves($"<{path}> + 1 in {name}", name, path, v => Add(v, 1)));
                yield return M("minus-one", _ => Mutations.MapLeaves($"<{path}> - 1 in {name}", name, path, v => Add(v, -1)));
            }

            if (element.Type == SpecType.Timestamp || (element.Type == SpecType.Number && element.Name is "size" or "rawSize" or "length"))
            {
                yield return M("times-1000", _ => Mutations.MapLeaves($"<{path}> x 1000 in {name}", name, path, v => Scale(v, 1000, 1)));
                yield return M("div-1000", _ => Mutations.MapLeaves($"<{path}> / 1000 in {name}", name, path, v => Scale(v, 1, 1000)));
            }

            if (element.Type is SpecType.String or SpecType.Boolean or SpecType.Enum)
            {
                yield return M("case-flip", _ => Mutations.MapLeaves($"case of <{path}> flipped in {name}", name, path, v => Mutations.FlipCase(v) is var f && f != v ? f : null));
            }

            if (InRecord(call, element))
            {
                yield return M("sibling-value", _ => Mutations.SiblingValue(name, path));
            }

            if (LiveCalls.Contains(name) && element.Type is not SpecType.String)
            {
                yield return M("stale", _ => Mutations.Stale(name, path));
            }
        }

        yield return M("duplicate", _ => Mutations.Duplicate(name, path));
        if (element.Repeated)
        {
            yield return M("drop-one", _ => Mutations.DropOneOfSeveral(name, path));
        }
    }

    /// <summary>State and behaviour operators, one group per rule kind that has them, each mutant named after the
    /// rule (or parameter) it breaks.</summary>
    private static IEnumerable<AnswerMutant> Behaviour(SpecCatalog spec)
    {
        string? Delta(string id) => spec.Find(id) switch
        {
            ElementSpec e => e.Origin == Origin.MconfLive ? e.Id : null,
            ParamSpec p => p.Origin == Origin.MconfLive ? p.Id : null,
            RuleSpec r => r.Origin == Origin.MconfLive ? r.About : null,
            _ => null,
        };
        AnswerMutant M(string specId, string call, string op, Func<FakeMconfServer, Mutation> create) =>
            new($"{specId}@{op}", call, specId, op, "behaviour", Delta(specId), create);

        // Counts: an attendee left out of the list, a registered-but-unconnected user counted.
        yield return M("getMeetingInfo/response/participantCount#attendees", "getMeetingInfo", "count-ignores-attendee", _ => Mutations.AttendeeIgnored());
        yield return M("getMeetings/response/meetings/meeting/participantCount#registered-not-counted", "getMeetings", "count-registered", _ => Mutations.CountRegisteredUsers());
        yield return M("getMeetingInfo/response/attendees/attendee/isPresenter#at-most-one", "getMeetingInfo", "everyone-presenter", _ => Mutations.EveryonePresenter());

        // Filters on getRecordings' meta_ parameters: dropped, negated, first or last only, a missing key matching.
        const string meta = "getRecordings/request/meta_*";
        yield return M(meta, "getRecordings", "filter-dropped", fake => Mutations.IgnoreParam("getRecordings", "meta_*", fake.Secret));
        yield return M(meta, "getRecordings", "filter-negated", fake => Mutations.MetaFilteredBy("negated", (f, m) => !f.All(x => Has(m, x)), fake.Secret));
        yield return M(meta, "getRecordings", "filter-first-only", fake => Mutations.MetaFilteredBy("first only", (f, m) => Has(m, f[0]), fake.Secret));
        yield return M(meta, "getRecordings", "filter-last-only", fake => Mutations.MetaFilteredBy("last only", (f, m) => Has(m, f[^1]), fake.Secret));

        // ID lists (getRecordings' and getStats' meetingID): dropped, negated, cut to the first ID.
        foreach (var call in new[] { "getRecordings", "getStats" })
        {
            var id = call + "/request/meetingID";
            yield return M(id, call, "filter-dropped", fake => Mutations.IgnoreParam(call, "meetingID", fake.Secret));
            yield return M(id, call, "filter-negated", fake => Mutations.ListSelectedBy("negated", call, fake.Secret, (w, m) => !w.Contains(m)));
            yield return M(id, call, "list-first-only", fake => Mutations.ListSelectedBy("cut to its first ID", call, fake.Secret, (w, m) => w[0] == m));
        }

        // A checksum not enforced, one call at a time.
        foreach (var call in spec.Calls.Where(c => c.Checksum))
        {
            var name = call.Name;
            yield return M($"error/checksumError@{name}", name, "checksum-not-enforced", fake => Mutations.AcceptUnsigned(name, null, fake.Secret));
        }

        // Answer keys: each documented key answered as another one.
        foreach (var key in spec.Rules.Where(r => r.Kind == "error-answer" && r.Args is not null && r.Args.ContainsKey("key"))
                     .Select(r => r.Args!["key"]).Distinct(StringComparer.Ordinal))
        {
            var other = key == "notFound" ? "invalidMeetingIdentifier" : "notFound";
            yield return M($"error/{key}", "", "wrong-message-key", _ => Mutations.RenameMessageKey(key, other));
        }

        // Echoed request values: not echoed, leading zeros dropped, symbols dropped.
        foreach (var rule in spec.Rules.Where(r => r.Kind == "echo-param" && r.Args is not null).DistinctBy(r => r.About))
        {
            var call = rule.About.Split('/')[0];
            var param = rule.Args!["param"];
            // A join's value shows in the user's attendee: the rule's path is relative to it.
            var join = rule.Args["call"] == "join";
            var path = join ? "attendees/attendee/" + rule.Args["path"] : rule.Args["path"];
            yield return M(rule.About, call, "not-echoed", _ => join
                ? Mutations.MapLeaves($"<{path}> not what the user joined with in {call}", call, path, v => v + "-other")
                : NotEchoed(call, param, path));
            // Coercions that are the identity on every valid value of the element's type are not mutants: a
            // boolean or enum has no leading zeros or symbols, a number no symbols, and a number's leading zeros
            // carry no meaning (Integer.parseInt, reference §3.1) except a voice bridge's (§3.1: may start with 0).
            var element = spec.Find(rule.About) as ElementSpec;
            var type = element?.Type;
            if (type is not (SpecType.Boolean or SpecType.Enum) && (type is not (SpecType.Number or SpecType.Timestamp) || element?.Name == "voiceBridge"))
            {
                yield return M(rule.About, call, "coerced-leading-zeros", _ => Mutations.MapLeaves($"<{path}> without leading zeros in {call}", call, path, v => v.TrimStart('0') is var t && t != v ? t : null));
            }

            if (type is not (SpecType.Boolean or SpecType.Enum or SpecType.Number or SpecType.Timestamp))
            {
                yield return M(rule.About, call, "coerced-symbols", _ => Mutations.MapLeaves($"<{path}> without symbols in {call}", call, path, v => new string([.. v.Where(char.IsLetterOrDigit)]) is var t && t != v ? t : null));
            }
        }

        // Guests: listed as viewers whatever their password, a guest join that does not redirect.
        yield return M("join/request/guest#moderator-password", "join", "guest-as-viewer", _ => Mutations.GuestsAlwaysViewers());
        yield return M("join/request/guest#redirect", "join", "guest-no-redirect", _ => Mutations.GuestJoinWithoutRedirect());
        yield return M("join/request/guest", "join", "filter-dropped", fake => Mutations.IgnoreParam("join", "guest", fake.Secret));
    }

    /// <summary><paramref name="call"/> answers its own value for <paramref name="path"/> instead of the one the
    /// meeting was created with: create's answer directly, the listings for meetings created with the parameter.</summary>
    private static Mutation NotEchoed(string call, string param, string path)
    {
        var created = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var inner = Mutations.Elements($"<{path}> not echoed in {call}", call, path, elements =>
        {
            foreach (var element in elements.Where(e => !e.HasElements))
            {
                var id = (call == "getMeetings" ? element.Parent?.Element("meetingID")?.Value.Trim() : null) ?? "";
                if (call != "getMeetings" || created.ContainsKey(id))
                {
                    element.Value = element.Value == "70000" ? "70001" : "70000";
                }
            }
        });
        return new(inner.Name, Response: (request, response) =>
        {
            if (request.Call == "create" && QueryString.Get(request.RawQuery, param) is not null)
            {
                created[QueryString.Get(request.RawQuery, "meetingID") ?? ""] = true;
            }

            if (call == "create" && request.Call == "create" && QueryString.Get(request.RawQuery, param) is null)
            {
                return response;
            }

            if (call == "getMeetingInfo" && !created.ContainsKey(QueryString.Get(request.RawQuery, "meetingID") ?? ""))
            {
                return response;
            }

            return inner.Response!(request, response);
        });
    }

    private static bool Has(IReadOnlyDictionary<string, string> meta, (string Key, string Value) filter) =>
        meta.TryGetValue(filter.Key, out var value) && value == filter.Value;

    private static string? WrongType(ElementSpec element) => element.Type switch
    {
        SpecType.Number or SpecType.Timestamp => "n/a",
        SpecType.Boolean => "yes",
        SpecType.Enum => "UNKNOWN",
        _ => null,
    };

    /// <summary>True when the element sits inside a repeated record (a meeting of getMeetings, an attendee...).</summary>
    private static bool InRecord(CallSpec call, ElementSpec element) =>
        call.Response.Any(e => e.Repeated && element.Path.StartsWith(e.Path + "/", StringComparison.Ordinal));

    private static string? Add(string value, long delta) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n + delta).ToString(CultureInfo.InvariantCulture) : null;

    private static string? Scale(string value, long times, long divide) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n != 0
            ? (n * times / divide).ToString(CultureInfo.InvariantCulture)
            : null;
}
