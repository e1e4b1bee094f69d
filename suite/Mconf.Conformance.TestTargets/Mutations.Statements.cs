using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Mconf.Mock;
using Mconf.Spec;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.TestTargets;

/// <summary>One rule and a mutation that breaks exactly the behaviour it is about; <see cref="StillPassing"/> are
/// rules next to it (same call, same kind or the other half of a pair) the break must leave passing, which shows
/// it breaks nothing else the run can see.</summary>
public sealed record RuleBreak(string RuleId, Mutation Break, IReadOnlyList<string> StillPassing)
{
    public override string ToString() => $"{RuleId} ({Break.Name})";
}

/// <summary>Breaks for the statement rules (generated passwords, the default name, join's userID and userdata echo,
/// the auth token's recipe, running against attendees, deleteRecordings of unknown IDs), the getMeetings fields
/// judged against getMeetingInfo, and the checksum of each signed call left out or wrong.</summary>
public static partial class Mutations
{
    /// <summary>A create that leaves <paramref name="param"/> out gets <paramref name="value"/>(meetingID, count) in
    /// its place before it reaches the upstream (the request re-signed): a server whose default for that parameter
    /// is another one (a name taken from the meetingID, passwords not of the documented form).</summary>
    public static Mutation LeftOutFilled(string param, string description, Func<string, int, string> value, string secret)
    {
        var count = 0;
        return new($"create without {param}: {description}", Request: request =>
        {
            var pairs = QueryString.Parse(request.RawQuery);
            if (request.Call != "create" || pairs.Any(p => p.Key == param && p.Value.Length > 0))
            {
                return request;
            }

            var meetingId = pairs.FirstOrDefault(p => p.Key == "meetingID").Value ?? "";
            var kept = pairs.Where(p => p.Key != "checksum" && p.Key != param).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
                .Append(new(param, value(meetingId, Interlocked.Increment(ref count))));
            return request with { RawQuery = new RequestSigner(secret).Sign("create", QueryString.Build(kept)) };
        });
    }

    /// <summary>A create that left <paramref name="param"/> out reports another value of the same form (each letter
    /// and digit the next one) than the one the meeting keeps: the other calls about the meeting disagree with it.</summary>
    public static Mutation LeftOutMisreported(string param) =>
        new($"create without {param} reports another {param} than the meeting's", Response: (request, response) =>
            request.Call != "create" || QueryString.Parse(request.RawQuery).Any(p => p.Key == param && p.Value.Length > 0)
                ? response
                : Rewrite(response, root =>
                {
                    if (root.Element(param) is { } reported)
                    {
                        reported.Value = NextAlphanumerics(reported.Value);
                    }
                }, indent: false));

    /// <summary>isMeetingRunning answers running=true for every meeting created (and not ended) through the proxy,
    /// whether or not anyone is connected: "running" read as "exists".</summary>
    public static Mutation RunningOnceCreated()
    {
        var created = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        return new("isMeetingRunning true for every created meeting", Response: (request, response) =>
        {
            if (QueryString.Get(request.RawQuery, "meetingID") is not { } id || !response.Body.Contains("SUCCESS", StringComparison.Ordinal))
            {
                return response;
            }

            switch (request.Call)
            {
                case "create":
                    created[id] = true;
                    return response;
                case "end":
                    created.TryRemove(id, out _);
                    return response;
                case "isMeetingRunning" when created.ContainsKey(id):
                    return Rewrite(response, root => root.Element("running")?.SetValue("true"), indent: false);
                default:
                    return response;
            }
        });
    }

    /// <summary>deleteRecordings of record IDs of which no getRecordings answer (through the proxy) listed any
    /// answers FAILED notFound, as publishRecordings does (specs/reference.md §3.8), where the upstream answered
    /// SUCCESS (§3.9): every other answer (a checksum error, a missing recordID) stays the upstream's.</summary>
    public static Mutation DeleteUnknownNotFound()
    {
        var listed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var notFound = SpecCatalog.Load().Error("notFound", "deleteRecordings");
        return new("deleteRecordings of unknown IDs answers notFound", Response: (request, response) =>
        {
            if (request.Call == "getRecordings" && BbbResponse.TryParse(response.Body, out var recordings, out _))
            {
                foreach (var recording in recordings.Select("recordings/recording"))
                {
                    listed[BbbResponse.Value(recording, "recordID") ?? ""] = true;
                }

                return response;
            }

            var ids = QueryString.Get(request.RawQuery, "recordID")?.Split(',') ?? [];
            return request.Call == "deleteRecordings" && ids.Length > 0 && !ids.Any(listed.ContainsKey) && response.Body.Contains("SUCCESS", StringComparison.Ordinal)
                ? response with
                {
                    Body = new XElement("response", new XElement("returncode", "FAILED"), new XElement("messageKey", notFound.Key),
                        new XElement("message", notFound.Message)).ToString(SaveOptions.DisableFormatting),
                }
                : response;
        });
    }

    /// <summary>getMeetings reports, at <paramref name="path"/> of every meeting, a value of the same type other than
    /// the meeting's (a boolean negated, a number plus one, a text with a suffix); getMeetingInfo is untouched.</summary>
    public static Mutation ListedOtherwise(string path) =>
        SetValue("getMeetings", path, OtherValue) with { Name = $"getMeetings reports another <{path}> than getMeetingInfo" };

    /// <summary>Like <see cref="ListedOtherwise"/>, but only in the entries of meetings nobody is in (participantCount
    /// 0): a server wrong only about its empty meetings.</summary>
    public static Mutation ListedOtherwiseWhenEmpty(string path) =>
        Xml($"getMeetings reports another <{path}> than getMeetingInfo for empty meetings", "getMeetings", root =>
        {
            foreach (var meeting in root.Descendants("meeting").Where(m => (string?)m.Element("participantCount") == "0"))
            {
                if (meeting.Element(path) is { } element)
                {
                    element.Value = OtherValue(element.Value);
                }
            }
        });

    /// <summary>Stops checking <paramref name="call"/>'s checksum in one way only: <paramref name="mode"/>
    /// <c>missing</c> accepts a request that carries none (or an empty one) and still rejects a wrong one;
    /// <c>wrong</c> accepts any checksum given and still rejects a request without one.</summary>
    public static Mutation ChecksumNotChecked(string call, string mode, string secret)
    {
        var missing = mode switch
        {
            "missing" => true,
            "wrong" => false,
            _ => throw new ArgumentException($"No checksum break for mode '{mode}'.", nameof(mode)),
        };
        var accept = AcceptUnsigned(call, null, secret).Request!;
        return new($"{call} accepts {(missing ? "a request without checksum" : "any checksum given")}", Request: request =>
            request.Call == call && string.IsNullOrEmpty(ServerChecksum.Extract(request.RawQuery)) == missing ? accept(request) : request);
    }

    /// <summary>Every rule break: the statement rules by hand (one or two breaks each), and, derived from the spec
    /// so that a new rule of the family gets its break, each getMeetings field judged against getMeetingInfo and
    /// each per-call checksum rule. A fresh list (fresh mutation state) on every call.</summary>
    public static IReadOnlyList<RuleBreak> RuleBreaks(string secret, SpecCatalog? spec = null)
    {
        spec ??= SpecCatalog.Load();
        const string AttendeePW = "create/response/attendeePW#generated";
        const string ModeratorPW = "create/response/moderatorPW#generated";
        const string Name = "getMeetingInfo/response/meetingName#default";
        const string UserId = "getMeetingInfo/response/attendees/attendee/userID#join-echo";
        const string UserData = "getMeetingInfo/response/attendees/attendee/customdata#userdata";
        const string FullName = "getMeetingInfo/response/attendees/attendee/fullName#join-echo";
        const string Running = "isMeetingRunning/response/running#connected-users";
        const string RunningListed = "getMeetings/response/meetings/meeting/running#same-as-getMeetingInfo";
        static string Counted(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
        var breaks = new List<RuleBreak>
        {
            new(AttendeePW, LeftOutFilled("attendeePW", "'pw-N' generated", (_, n) => Counted("pw-", n), secret), [ModeratorPW, Name]),
            new(AttendeePW, LeftOutMisreported("attendeePW"), [ModeratorPW]),
            new(ModeratorPW, LeftOutFilled("moderatorPW", "'pw-N' generated", (_, n) => Counted("pw-", n), secret), [AttendeePW, Name]),
            new(ModeratorPW, LeftOutMisreported("moderatorPW"), [AttendeePW]),
            new(Name, LeftOutFilled("name", "named after its meetingID", (id, _) => id, secret), [AttendeePW]),
            new(UserId, IgnoreParam("join", "userID", secret), [UserData]),
            new(FullName, SetValue("getMeetingInfo", "attendees/attendee/fullName", FlipCase) with { Name = "attendees' fullName in the other case" }, [UserId]),
            new(UserData, IgnoreParam("join", "userdata-*", secret), [UserId]),
            // Java's randomAlphanumeric(12) without the toLowerCase: letters in upper case.
            new("join/response/auth_token#recipe", SetValue("join", "auth_token", FlipCase) with { Name = "join's auth_token in upper case" }, [UserId]),
            new("join/response/user_id#recipe", SetValue("join", "user_id", FlipCase) with { Name = "join's user_id in upper case" }, ["join/response/auth_token#recipe", UserId]),
            new("join/response/user_id#recipe", SetValue("join", "user_id", _ => "") with { Name = "join's user_id empty" }, ["join/response/meeting_id#internal-id"]),
            new("join/response/meeting_id#internal-id", SetValue("join", "meeting_id", FlipCase) with { Name = "join's meeting_id in upper case" }, ["join/response/user_id#recipe"]),
            new("join/response/meeting_id#internal-id", SetValue("join", "meeting_id", v => v[..(v.LastIndexOf('-') + 1)] + "0") with { Name = "join's meeting_id with another createTime" }, ["getMeetingInfo/response/internalMeetingID#sha1-create-time"]),
            new(Running, RunningOnceCreated(), [RunningListed]),
            new(Running, SetValue("isMeetingRunning", "running", _ => "false") with { Name = "isMeetingRunning never running" }, [RunningListed]),
            new("deleteRecordings/response/deleted#unknown-id", DeleteUnknownNotFound(), ["error/checksumError#deleteRecordings-wrong"]),
        };

        // Request values echoed (passwords, name, voiceBridge's leading zero, dialNumber's symbols), each call broken
        // its own way while its neighbour, the same call's other field or plain form, still passes.
        const string CreateAp = "create/response/attendeePW#echo";
        const string CreateMp = "create/response/moderatorPW#echo";
        const string InfoAp = "getMeetingInfo/response/attendeePW#echo";
        const string InfoMp = "getMeetingInfo/response/moderatorPW#echo";
        const string ListAp = "getMeetings/response/meetings/meeting/attendeePW#echo";
        const string ListMp = "getMeetings/response/meetings/meeting/moderatorPW#echo";
        const string InfoName = "getMeetingInfo/response/meetingName#echo";
        const string ListName = "getMeetings/response/meetings/meeting/meetingName#echo";
        breaks.AddRange(
        [
            new(CreateAp, EchoChanged("answered as another password", "create", "attendeePW", "attendeePW", (given, _) => NextAlphanumerics(given)), [CreateMp]),
            new(CreateMp, EchoChanged("answered as another password", "create", "moderatorPW", "moderatorPW", (given, _) => NextAlphanumerics(given)), [CreateAp]),
            new(InfoAp, SetValue("getMeetingInfo", "attendeePW", FlipCase) with { Name = "getMeetingInfo's attendeePW in the other case" }, [InfoMp]),
            new(InfoMp, SetValue("getMeetingInfo", "moderatorPW", FlipCase) with { Name = "getMeetingInfo's moderatorPW in the other case" }, [InfoAp]),
            new(ListAp, SetValue("getMeetings", "meetings/meeting/attendeePW", _ => "") with { Name = "getMeetings' attendeePW empty" }, [ListMp]),
            new(ListMp, SetValue("getMeetings", "meetings/meeting/moderatorPW", _ => "") with { Name = "getMeetings' moderatorPW empty" }, [ListAp]),
            new(InfoName, SetValue("getMeetingInfo", "meetingName", v => v.ToLowerInvariant()) with { Name = "getMeetingInfo's meetingName lower-cased" }, [Name, InfoAp]),
            new(ListName, SetValue("getMeetings", "meetings/meeting/meetingName", FlipCase) with { Name = "getMeetings' meetingName in the other case" }, [ListAp]),
            new("getMeetingInfo/response/voiceBridge#leading-zero",
                MapLeaves("getMeetingInfo's voiceBridge read as a number", "getMeetingInfo", "voiceBridge", v => v.TrimStart('0') is var t && t != v ? t : null),
                ["getMeetingInfo/response/voiceBridge#echo"]),
            new("getMeetingInfo/response/dialNumber#long-digits",
                MapLeaves("getMeetingInfo's long dialNumber read as a number", "getMeetingInfo", "dialNumber",
                    v => v.Length > 18 && v.All(char.IsAsciiDigit) ? double.Parse(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : null),
                ["getMeetingInfo/response/dialNumber#echo"]),
            new("getMeetingInfo/response/dialNumber#symbols",
                MapLeaves("getMeetingInfo's dialNumber without spaces and brackets", "getMeetingInfo", "dialNumber", v => new string([.. v.Where(c => c is not (' ' or '(' or ')'))])),
                ["getMeetingInfo/response/dialNumber#echo"]),
            new("create/response/meetingID#echo", SetValue("create", "meetingID", FlipCase) with { Name = "create's meetingID in the other case" }, [CreateAp]),
            new("error/noRecordings#unknown-meeting",
                MapLeaves("getRecordings' noRecordings message in other words", "getRecordings", "message", v => v.Length == 0 ? null : "There are no recordings for the meeting(s)."),
                ["getRecordings/response/recordings/recording/recordID#unique"]),
            // createDate is Java's Date.toString() (§3.1), the server clock's anchor: in another case it is not.
            new("create/response/createTime#epoch-ms", SetValue("create", "createDate", FlipCase) with { Name = "create's createDate in the other case" }, [CreateAp]),
            // The record ID is the session's internal meeting ID: a recording listed under another meeting's ID.
            new("getRecordings/response/recordings/recording/recordID#sha1-meeting-id",
                MapLeaves("getRecordings' meetingID in the other case", "getRecordings", "recordings/recording/meetingID", v => FlipCase(v) is var f && f != v ? f : v + "-x"),
                ["getRecordings/response/recordings/recording/recordID#unique"]),
            new("getRecordings/response/recordings/recording/recordID#sha1-meeting-id", SiblingValue("getRecordings", "recordings/recording/recordID"),
                ["getRecordings/response/recordings/recording/recordID#unique"]),
        ]);

        var listed = spec.Rules.Where(r => r.Kind == "same-across-calls" && r.Id.EndsWith("#same-as-getMeetingInfo", StringComparison.Ordinal)).ToList();
        // Each field's neighbour in the family must still pass: the break touches that one field only.
        breaks.AddRange(listed.Select((r, i) => new RuleBreak(r.Id, ListedOtherwise(r.Args!["path"]), [listed[(i + 1) % listed.Count].Id])));
        // Both calls describe every meeting in memory, empty ones included: wrong only there is still wrong.
        breaks.Add(new(RunningListed, ListedOtherwiseWhenEmpty("running"), []));
        breaks.Add(new("getMeetings/response/meetings/meeting/hasBeenForciblyEnded#same-as-getMeetingInfo", ListedOtherwiseWhenEmpty("hasBeenForciblyEnded"), []));

        foreach (var rule in spec.Rules.Where(r => r.Kind == "checksum" && r.About == "error/checksumError" && r.Args?.ContainsKey("call") == true))
        {
            var (call, mode) = (rule.Args!["call"], rule.Args["mode"]);
            // The other mode of the same call must still be rejected: each break stops one check only.
            var other = spec.Rules.Where(r => r.Kind == "checksum" && r.About == rule.About && r.Id != rule.Id && r.Args is { } args
                && args.GetValueOrDefault("call") == call && args.GetValueOrDefault("mode") is "missing" or "wrong").Select(r => r.Id);
            breaks.Add(new(rule.Id, ChecksumNotChecked(call, mode, secret), [.. other]));
        }

        return breaks;
    }

    private static string OtherValue(string value) => value.Trim() switch
    {
        "true" => "false",
        "false" => "true",
        var v when long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => (n + 1).ToString(CultureInfo.InvariantCulture),
        var v => v + "-other",
    };

    /// <summary>Each ASCII letter and digit replaced by the next one (z to a, 9 to 0): a different value of the same form.</summary>
    private static string NextAlphanumerics(string value) =>
        new([.. value.Select(c => c switch
        {
            'z' => 'a',
            'Z' => 'A',
            '9' => '0',
            _ when char.IsAsciiLetterOrDigit(c) => (char)(c + 1),
            _ => c,
        })]);
}
