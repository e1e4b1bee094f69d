using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>echo-param</c>: creates a meeting passing <c>param=value</c> and expects <c>path</c> in
/// <c>call</c>'s answer about that meeting (create itself, its getMeetings entry, or getMeetingInfo) to equal it.</summary>
public sealed class EchoParamCase : ICaseKind
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
        var meeting = await OwnMeetings.CreateAsync(ctx, "echo", extra: (param, value)).ConfigureAwait(false);

        switch (call)
        {
            case "create":
                Expect.Equal(value, Expect.Element(meeting.Create, path, alsoAt: c.AlsoAt), $"<{path}> in the create answer (the {param} passed)", meeting.Create);
                break;
            case "getMeetings":
                var list = await ctx.CallAsync("getMeetings").ConfigureAwait(false);
                var entry = Expect.Success(list).Select("meetings/meeting").FirstOrDefault(m => BbbResponse.Value(m, "meetingID") == meeting.Id)
                    ?? throw new CaseFailure($"the created meeting {meeting.Id} in getMeetings", "no entry for it", list);
                var relative = path.StartsWith("meetings/meeting/", StringComparison.Ordinal) ? path["meetings/meeting/".Length..] : path;
                Expect.Equal(value, Expect.Element(list, entry, relative), $"<{path}> of the created meeting (the {param} passed)", list);
                break;
            default:
                var answer = await ctx.CallAsync(call, ("meetingID", meeting.Id), ("password", meeting.ModeratorPW)).ConfigureAwait(false);
                Expect.Success(answer);
                Expect.Equal(value, Expect.Element(answer, path, alsoAt: c.AlsoAt), $"<{path}> in the {call} answer (the {param} passed)", answer);
                break;
        }
    }
}
