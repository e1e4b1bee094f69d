using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Conformance.Target;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>echo-param</c>: creates a meeting passing <c>param=value</c> and expects <c>path</c> in
/// <c>call</c>'s answer about that meeting (create itself, its getMeetings entry, or getMeetingInfo) to equal it,
/// character for character (values with a leading zero, long digit strings or symbols expose a server that
/// coerces them to numbers). An empty <c>value</c> creates the meeting without voiceBridge and dialNumber: create
/// reports the generated or default values (voiceBridge digits; dialNumber may be empty when the server has no
/// default), and getMeetings and getMeetingInfo report the same ones for that meeting. <c>param=meetingID</c> (value
/// ""): create's answer carries the meetingID the run generated and sent.</summary>
internal sealed partial class EchoParamCheck : ICheck
{
    public string Kind => "echo-param";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var param = c.Arg("param");
        var path = c.Arg("path");
        var value = c.Arg("value");
        if (call == "join")
        {
            await JoinEchoAsync(ctx, param, path, value).ConfigureAwait(false);
            return;
        }

        if (param == "meetingID")
        {
            // The ID is the run's (prefixed, random): the value sent is the one the ledger generated.
            var own = await OwnMeetings.CreateAsync(ctx, "echo-id").ConfigureAwait(false);
            var echoed = Expect.Element(own.Create, path, alsoAt: c.AlsoAt);
            Expect.Equal(own.Id, echoed, $"<{path}> in the create answer (the meetingID passed)", own.Create);
            ctx.Witness(own.Create, $"meeting {own.Id}", Sent(param, own.Id, echoed));
            return;
        }

        if (value.Length == 0 && param is "name" or "attendeePW" or "moderatorPW")
        {
            await LeftOutAsync(ctx, call, param, path, c.OptionalArg("pattern")).ConfigureAwait(false);
            return;
        }

        if (value.Length == 0)
        {
            await DefaultsAsync(ctx, param, path).ConfigureAwait(false);
            return;
        }

        // The witness is what the suite sent: the answer is judged against the request, never against itself.
        var meeting = await OwnMeetings.CreateAsync(ctx, "echo", extra: (param, value)).ConfigureAwait(false);
        var record = $"meeting {meeting.Id}";
        switch (call)
        {
            case "create":
                var created = Expect.Element(meeting.Create, path, alsoAt: c.AlsoAt);
                Expect.Equal(value, created, $"<{path}> in the create answer (the {param} passed)", meeting.Create);
                ctx.Witness(meeting.Create, record, Sent(param, value, created));
                break;
            case "getMeetings":
                var (list, entry) = await EntryAsync(ctx, meeting.Id).ConfigureAwait(false);
                var listed = Expect.Element(list, entry, Relative(path));
                Expect.Equal(value, listed, $"<{path}> of the created meeting (the {param} passed)", list);
                ctx.Witness(list, record, Sent(param, value, listed));
                break;
            default:
                var answer = await ctx.CallAsync(call, ("meetingID", meeting.Id), ("password", meeting.ModeratorPW)).ConfigureAwait(false);
                Expect.Success(answer);
                var shown = Expect.Element(answer, path, alsoAt: c.AlsoAt);
                Expect.Equal(value, shown, $"<{path}> in the {call} answer (the {param} passed)", answer);
                ctx.Witness(answer, record, Sent(param, value, shown));
                break;
        }
    }

    private static string Sent(string param, string sent, string seen) => $"{param} '{seen}' (sent '{sent}')";

    private static async Task DefaultsAsync(CaseContext ctx, string param, string path)
    {
        var meeting = await OwnMeetings.CreateAsync(ctx, "defaults", extra: [("voiceBridge", null), ("dialNumber", null)]).ConfigureAwait(false);
        var alsoAt = new[] { "meeting/" + param };
        var created = Expect.Element(meeting.Create, param, alsoAt: alsoAt);
        if (param == "voiceBridge")
        {
            Expect.True(created.Length > 0 && created.All(char.IsAsciiDigit), "the voiceBridge create generated (digits) when none was passed",
                $"'{created}'", meeting.Create);
        }
        else if (created.Length == 0)
        {
            ctx.Observe(NoDefaultDialNumber);
        }

        // create's value is judged against two other calls about the same meeting, each against create's answer.
        var record = $"meeting {meeting.Id} (created without {param})";
        var (list, entry) = await EntryAsync(ctx, meeting.Id).ConfigureAwait(false);
        Expect.Equal(created, Expect.Element(list, entry, param), $"{param} of '{meeting.Id}' in getMeetings (what create reported: {path})", list);
        var info = await OwnMeetings.InfoAsync(ctx, meeting.Id, meeting.ModeratorPW).ConfigureAwait(false);
        Expect.Success(info);
        Expect.Equal(created, Expect.Element(info, param), $"{param} of '{meeting.Id}' in getMeetingInfo (what create reported)", info);
        var shown = created.Length == 0 ? "empty" : $"'{created}'";
        ctx.Witness(meeting.Create, record, $"{param} {shown}, the same in getMeetings and getMeetingInfo");
        ctx.Witness(list, record, $"{param} {shown} (as create reported)");
        ctx.Witness(info, record, $"{param} {shown} (as create reported)");
    }

    /// <summary>The observation a server without a default dial number gives, worded once so every check that meets
    /// the variation reports it the same way (the reports show each observation once).</summary>
    public const string NoDefaultDialNumber = "create without dialNumber reports an empty dialNumber (the server has no default dial number configured)";

    private static async Task<(ApiAnswer List, System.Xml.Linq.XElement Entry)> EntryAsync(CaseContext ctx, string meetingId)
    {
        var list = await ctx.CallAsync("getMeetings").ConfigureAwait(false);
        var entry = Expect.Success(list).Select("meetings/meeting").FirstOrDefault(m => BbbResponse.Value(m, "meetingID") == meetingId)
            ?? throw new CaseFailure($"the created meeting {meetingId} in getMeetings", "no entry for it", list);
        return (list, entry);
    }

    private static string Relative(string path) =>
        path.StartsWith("meetings/meeting/", StringComparison.Ordinal) ? path["meetings/meeting/".Length..] : path;
}
