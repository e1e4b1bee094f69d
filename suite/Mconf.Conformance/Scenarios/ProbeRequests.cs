namespace Mconf.Conformance.Scenarios;

/// <summary>A valid request for each call, to which an error case applies its <c>omit</c>/<c>set</c>. Calls about
/// a meeting (create's second create, join, end) get a fresh meeting of the run with the passwords the spec's
/// cases name (<c>ap</c> attendee, <c>mp</c> moderator); the others name IDs nothing on the target has.</summary>
internal static class ProbeRequests
{
    public const string AttendeePW = "ap";
    public const string ModeratorPW = "mp";

    /// <summary>Values in a case's <c>set</c> that start with this are replaced by an unknown ID with the run prefix,
    /// so even a misbehaving server cannot act on something the run did not make.</summary>
    public const string UnknownMarker = "conformance-unknown";

    public static async Task<List<KeyValuePair<string, string?>>> ForAsync(CaseContext ctx, string call, bool needsMeeting)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        OwnMeeting? meeting = null;
        if (needsMeeting && call is "create" or "join" or "end")
        {
            meeting = await OwnMeetings.CreateAsync(ctx, "probe", AttendeePW, ModeratorPW).ConfigureAwait(false);
        }

        var unknownMeeting = ctx.Ledger.UnknownId("meeting");
        (string, string?)[] parameters = call switch
        {
            "create" => [("meetingID", meeting?.Id ?? ctx.Ledger.NewId("probe")), ("name", "Mconf conformance probe"),
                ("attendeePW", AttendeePW), ("moderatorPW", ModeratorPW)],
            "join" => [("fullName", "Conformance Probe"), ("meetingID", meeting?.Id ?? unknownMeeting), ("password", AttendeePW),
                ("userID", ctx.Ledger.Prefix + "probe"), ("redirect", "false")],
            "end" => [("meetingID", meeting?.Id ?? unknownMeeting), ("password", ModeratorPW)],
            "getMeetingInfo" or "isMeetingRunning" => [("meetingID", unknownMeeting)],
            "getRecordings" or "getStats" => [("meetingID", unknownMeeting)],
            "publishRecordings" => [("recordID", ctx.Ledger.UnknownId("record")), ("publish", "true")],
            "deleteRecordings" => [("recordID", ctx.Ledger.UnknownId("record"))],
            _ => [],
        };
        return [.. parameters.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))];
    }

    /// <summary>Applies <c>omit</c> (a parameter name) and <c>set</c> (the case's name=value pairs) to a probe request.</summary>
    public static List<KeyValuePair<string, string?>> Apply(
        CaseContext ctx, List<KeyValuePair<string, string?>> parameters, string? omit, IReadOnlyList<KeyValuePair<string, string>> set)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(set);
        var result = parameters.Where(p => p.Key != omit).ToList();
        foreach (var (name, value) in set)
        {
            var resolved = value.StartsWith(UnknownMarker, StringComparison.Ordinal) ? ctx.Ledger.UnknownId(name) : value;
            var index = result.FindIndex(p => p.Key == name);
            if (index >= 0)
            {
                result[index] = new(name, resolved);
            }
            else
            {
                result.Add(new(name, resolved));
            }
        }

        return result;
    }

}
