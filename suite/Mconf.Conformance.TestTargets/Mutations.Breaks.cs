using System.Collections.Concurrent;
using System.Xml.Linq;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>Targets broken in exactly one subtle way, one mutation each, for the suite's stronger checks.</summary>
public static partial class Mutations
{
    /// <summary>A target that does not enforce the checksum on <paramref name="call"/> when the request carries
    /// <paramref name="whenParam"/> (any request of the call when null): the request is re-signed with the right
    /// secret before it reaches the upstream, whatever checksum it had.</summary>
    public static Mutation AcceptUnsigned(string call, string? whenParam, string secret) =>
        new($"no checksum check on {call}{(whenParam is null ? "" : " with " + whenParam)}", Request: request =>
        {
            if (request.Call != call)
            {
                return request;
            }

            var pairs = QueryString.Parse(request.RawQuery);
            if (whenParam is not null && !pairs.Any(p => p.Key.StartsWith(whenParam, StringComparison.OrdinalIgnoreCase)))
            {
                return request;
            }

            var query = QueryString.Build(pairs.Where(p => p.Key != "checksum").Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
            return request with { RawQuery = new RequestSigner(secret).Sign(call, query) };
        });

    /// <summary>getMeetingInfo lists every guest as a VIEWER, even one who joined with the moderator password.</summary>
    public static Mutation GuestsAlwaysViewers() =>
        Xml("guests listed as viewers", "getMeetingInfo", root =>
        {
            foreach (var attendee in Select(root, "attendees/attendee").Where(a => a.Element("guest")?.Value.Trim() == "true"))
            {
                attendee.Element("role")?.SetValue("VIEWER");
            }
        });

    /// <summary>A guest join without redirect=false answers XML (200) instead of the 302 a normal join gives.</summary>
    public static Mutation GuestJoinWithoutRedirect() =>
        new("guest join answers XML instead of redirecting", Response: (request, response) =>
        {
            var query = QueryString.Parse(request.RawQuery);
            var guest = query.Any(p => p.Key == "guest");
            var noRedirect = query.Any(p => p.Key == "redirect" && p.Value == "false");
            return request.Call == "join" && guest && !noRedirect && response.Status is >= 300 and < 400
                ? new ProxyResponse(200, "text/xml;charset=utf-8",
                    "<response><returncode>SUCCESS</returncode><messageKey>successfullyJoined</messageKey><message>You have joined successfully.</message></response>")
                : response;
        });

    /// <summary>participantCount counts every user registered by join (the joins seen per meeting), connected or
    /// not. Only differs from a correct server where joined users do not connect at once.</summary>
    public static Mutation CountRegisteredUsers() =>
        ParticipantCountAfterJoins("participantCount counts registered users", (registered, connected) => registered > connected ? registered : null);

    /// <summary>Rewrites participantCount in getMeetingInfo and getMeetings from the successful joins seen per meeting:
    /// <paramref name="count"/>(joins, shown count) gives the new count, or null to leave it.</summary>
    private static Mutation ParticipantCountAfterJoins(string name, Func<int, int, int?> count)
    {
        var joins = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        return new(name, Response: (request, response) =>
        {
            if (request.Call == "join" && QueryString.Get(request.RawQuery, "meetingID") is { } joined && response.Body.Contains("SUCCESS", StringComparison.Ordinal))
            {
                joins.AddOrUpdate(joined, 1, (_, n) => n + 1);
                return response;
            }

            if (request.Call is not ("getMeetingInfo" or "getMeetings"))
            {
                return response;
            }

            return Rewrite(response, root =>
            {
                var meetings = request.Call == "getMeetings" ? Select(root, "meetings/meeting").ToList() : [root];
                foreach (var meeting in meetings)
                {
                    var id = meeting.Element("meetingID")?.Value.Trim() ?? "";
                    if (joins.TryGetValue(id, out var seen) && meeting.Element("participantCount") is { } element
                        && int.TryParse(element.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var shown)
                        && count(seen, shown) is { } rewritten)
                    {
                        element.Value = rewritten.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }, indent: false);
        });
    }

    /// <summary>getStats selects with <paramref name="matches"/>(requested ID, entry's meetingID) instead of exact
    /// equality (e.g. by prefix, or ignoring case): the upstream is asked for every stat and the answer filtered.</summary>
    public static Mutation StatsSelectedBy(string name, Func<string, string, bool> matches, string secret) =>
        ReSelect($"getStats selects {name}", "getStats", secret, p => p.Key == "meetingID", (query, root) =>
        {
            if (QueryString.Get(query, "meetingID") is not { } selection)
            {
                return;
            }

            var wanted = selection.Split(',');
            foreach (var meeting in Select(root, "stats/meeting").ToList())
            {
                var id = meeting.Element("meetingID")?.Value.Trim() ?? "";
                if (!wanted.Any(w => matches(w, id)))
                {
                    meeting.Remove();
                }
            }
        });

    /// <summary>getRecordings applies its meta_ filters with <paramref name="matches"/>(filters in request order,
    /// a recording's metadata) instead of AND of exact matches.</summary>
    public static Mutation MetaFilteredBy(string name, Func<IReadOnlyList<(string Key, string Value)>, IReadOnlyDictionary<string, string>, bool> matches, string secret) =>
        ReSelect($"getRecordings meta filters {name}", "getRecordings", secret, p => p.Key.StartsWith("meta_", StringComparison.OrdinalIgnoreCase), (query, root) =>
        {
            var filters = QueryString.Parse(query).Where(p => p.Key.StartsWith("meta_", StringComparison.OrdinalIgnoreCase))
                .Select(p => (p.Key[5..].ToLowerInvariant(), p.Value)).ToList();
            if (filters.Count == 0)
            {
                return;
            }

            var recordings = Select(root, "recordings/recording").ToList();
            foreach (var recording in recordings)
            {
                var meta = recording.Elements("metadata").SelectMany(m => m.Elements())
                    .GroupBy(e => e.Name.LocalName.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
                if (!matches(filters, meta))
                {
                    recording.Remove();
                }
            }

            if (!Select(root, "recordings/recording").Any())
            {
                root.Add(new XElement("messageKey", "noRecordings"), new XElement("message", "There are no recordings for the meeting(s)."));
            }
        });

    /// <summary>The selection parameters of <paramref name="call"/> are taken out (the request re-signed) and the
    /// answer is filtered by <paramref name="filter"/> over the original query.</summary>
    private static Mutation ReSelect(string name, string call, string secret, Func<KeyValuePair<string, string>, bool> selection, Action<string, XElement> filter) =>
        new(name,
            Request: request =>
            {
                if (request.Call != call)
                {
                    return request;
                }

                var kept = QueryString.Parse(request.RawQuery).Where(p => p.Key != "checksum" && !selection(p))
                    .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
                return request with { RawQuery = new RequestSigner(secret).Sign(call, QueryString.Build(kept)) };
            },
            Response: (request, response) => request.Call == call
                ? Rewrite(response, root => filter(request.OriginalQuery, root), indent: false)
                : response);

    /// <summary>create, getMeetings and getMeetingInfo read voiceBridge and dialNumber as numbers: leading zeros go,
    /// a dial number keeps its digits only.</summary>
    public static Mutation NumbersCoerced() =>
        new("voiceBridge and dialNumber coerced to numbers", Response: (request, response) =>
            request.Call is "create" or "getMeetings" or "getMeetingInfo"
                ? Rewrite(response, root =>
                {
                    foreach (var element in root.DescendantsAndSelf().Where(e => e.Name.LocalName is "voiceBridge" or "dialNumber" && !e.HasElements))
                    {
                        var digits = new string([.. element.Value.Where(char.IsAsciiDigit)]).TrimStart('0');
                        element.Value = digits.Length > 18 ? digits[..18] : digits.Length == 0 ? "0" : digits;
                    }
                }, indent: false)
                : response);

    /// <summary>create without voiceBridge/dialNumber does not report the values it picked: it answers them empty.</summary>
    public static Mutation CreateHidesDefaults() =>
        new("create answers empty generated values", Response: (request, response) =>
        {
            if (request.Call != "create")
            {
                return response;
            }

            var query = QueryString.Parse(request.RawQuery);
            return Rewrite(response, root =>
            {
                foreach (var name in new[] { "voiceBridge", "dialNumber" }.Where(n => !query.Any(p => p.Key == n)))
                {
                    root.Element(name)?.SetValue("");
                }
            }, indent: false);
        });
}
