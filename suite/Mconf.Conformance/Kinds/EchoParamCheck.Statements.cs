using System.Text.RegularExpressions;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>echo-param's other forms. A create without <c>name</c>, <c>attendeePW</c> or <c>moderatorPW</c> (value
/// ""): the server's default (specs/reference.md §3.1: name "", passwords 8 random alphanumerics) is judged against
/// the documented default or <c>pattern</c>, and the value create reported against the other calls about the same
/// meeting. <c>call=join</c>: a user joins a fresh meeting of the case with <c>param=value</c> (userID,
/// userdata-&lt;key&gt;, §3.2) and <c>path</c> of its attendee in getMeetingInfo equals the value sent; the attendee
/// is the only one of that meeting (not found by the userID it judges), connected through the run's driver when
/// needed, and the case is inconclusive when it never shows up.</summary>
internal sealed partial class EchoParamCheck
{
    private static async Task LeftOutAsync(CaseContext ctx, string call, string param, string path, string? pattern)
    {
        var leftOut = param == "name" ? new (string, string?)[] { ("name", null) } : [("attendeePW", null), ("moderatorPW", null)];
        var meeting = await OwnMeetings.CreateAsync(ctx, "left-out-" + param, extra: leftOut).ConfigureAwait(false);
        var record = $"meeting {meeting.Id} (created without {string.Join(" and ", leftOut.Select(l => l.Item1))})";
        string reported;
        if (call == "create")
        {
            reported = Expect.Element(meeting.Create, path, alsoAt: ["meeting/" + path]);
            JudgeDefault(param, reported, pattern, "create", meeting.Create);
            ctx.Witness(meeting.Create, record, $"{param} '{reported}' (generated: {pattern ?? "\"\""})");
        }
        else
        {
            reported = "";
        }

        // The other calls about the meeting: the value create reported (passwords), or the documented default (name).
        var password = param == "moderatorPW" ? reported : meeting.ModeratorPW;
        var info = await OwnMeetings.InfoAsync(ctx, meeting.Id, password).ConfigureAwait(false);
        Expect.Success(info);
        var shown = Expect.Element(info, path);
        if (call == "create")
        {
            Expect.Equal(reported, shown, $"{path} of '{meeting.Id}' in getMeetingInfo (what create reported)", info);
        }
        else
        {
            JudgeDefault(param, shown, pattern, "getMeetingInfo", info);
        }

        ctx.Witness(info, record, $"{path} '{shown}'{(call == "create" ? " (as create reported)" : " (the documented default)")}");
    }

    private static void JudgeDefault(string param, string value, string? pattern, string call, ApiAnswer answer)
    {
        if (pattern is null)
        {
            Expect.Equal("", value, $"the {param} {call} reports for a meeting created without it (default \"\")", answer);
        }
        else
        {
            Expect.True(Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                $"the {param} {call} reports for a meeting created without it to match {pattern}", $"'{value}'", answer);
        }
    }

    private static async Task JoinEchoAsync(CaseContext ctx, string param, string path, string value)
    {
        var meeting = await OwnMeetings.CreateAsync(ctx, "join-echo").ConfigureAwait(false);
        var userId = param == "userID" ? value : ctx.Ledger.Prefix + "echo-" + ctx.Ledger.Random();
        (string, string?)[] extra = param == "userID" ? [] : [(param, value)];
        var join = await OwnMeetings.JoinAsync(ctx, meeting, userId, moderator: false, extra).ConfigureAwait(false);
        Expect.Error(join, "successfullyJoined", success: true);
        var (attendee, info, missing) = await OwnMeetings.ConnectedAttendeeAsync(ctx, meeting, userId, moderator: false,
            $"the attendee of a user joined with {param}", _ => true, extra).ConfigureAwait(false);
        if (attendee is null || info is null)
        {
            throw new CaseInconclusive(missing ?? $"the user joined with {param} was never listed among the attendees");
        }

        // The witness is what the suite sent in join; the attendee is the only one of the case's own meeting.
        var shown = Expect.Element(info, attendee, path);
        Expect.Equal(value, shown, $"<{path}> of the attendee (the {param} passed to join)", info);
        ctx.Witness(info, $"meeting {meeting.Id}, its only attendee", Sent(param, value, shown));
    }
}
