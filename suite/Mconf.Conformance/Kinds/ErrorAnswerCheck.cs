using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Cases;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>error-answer</c>: a valid request to <c>call</c> with <c>omit</c> left out and <c>set</c> applied
/// answers the answer key <c>key</c> (either error shape) with the spec's returncode and exact message.</summary>
internal sealed class ErrorAnswerCheck : ICheck
{
    public string Kind => "error-answer";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var key = c.Arg("key");
        var omit = c.OptionalArg("omit");
        var set = c.Args.Pairs("set");
        // A request about an unknown meeting, or one that stops at a missing meetingID, needs no meeting of the run.
        var needsMeeting = omit != "meetingID" && !set.Any(s => s.Key == "meetingID");
        var probe = await ProbeRequests.ForAsync(ctx, call, needsMeeting).ConfigureAwait(false);
        var answer = await ctx.CallAsync(call, ProbeRequests.Apply(ctx, probe, omit, set)).ConfigureAwait(false);

        // Judged against what the suite sent (the parameter it left out or set) and the key and message the
        // generator copied from the spec's error list into the case.
        var xml = Expect.Error(answer, key, c.Args.Flag("expectSuccess"));
        var message = xml.ErrorMessage?.Trim() ?? "";
        Expect.Equal(c.Arg("expectMessage").Trim(), message, $"the {key} message of {call}", answer);

        var asked = string.Join(", ", new[] { omit is null ? null : $"without {omit}", set.Count == 0 ? null : "with " + string.Join(";", set.Select(p => $"{p.Key}={p.Value}")) }.Where(a => a is not null));
        ctx.Witness(answer, "", $"returncode {xml.ReturnCode} messageKey {key}, message '{message}' ({call}{(asked.Length == 0 ? "" : " " + asked)})");
    }
}
