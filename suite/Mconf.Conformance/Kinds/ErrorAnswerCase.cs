using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>error-answer</c>: a valid request to <c>call</c> with <c>omit</c> left out and <c>set</c> applied
/// answers the answer key <c>key</c> (either error shape) with the spec's returncode and exact message.</summary>
public sealed class ErrorAnswerCase : ICaseKind
{
    public string Kind => "error-answer";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var key = c.Arg("key");
        var omit = c.OptionalArg("omit");
        var set = c.OptionalArg("set");
        var sets = ProbeRequests.ParseSet(set).ToList();
        // A request about an unknown meeting, or one that stops at a missing meetingID, needs no meeting of the run.
        var needsMeeting = omit != "meetingID" && !sets.Any(s => s.Name == "meetingID");
        var probe = await ProbeRequests.ForAsync(ctx, call, needsMeeting).ConfigureAwait(false);
        var answer = await ctx.CallAsync(call, ProbeRequests.Apply(ctx, probe, omit, set)).ConfigureAwait(false);

        var spec = SpecCatalog.Load().Errors.FirstOrDefault(e => e.Key == key && e.Calls.Contains(call));
        // Judged against what the suite sent (the parameter it left out or set) and the spec's key and message.
        var xml = Expect.Error(answer, key, spec?.Success ?? false);
        var message = xml.ErrorMessage?.Trim() ?? "";
        if (spec is not null)
        {
            Expect.Equal(spec.Message.Trim(), message, $"the {key} message of {call}", answer);
        }

        var asked = string.Join(", ", new[] { omit is null ? null : $"without {omit}", set is null ? null : $"with {set}" }.Where(a => a is not null));
        ctx.Witness(answer, "", $"returncode {xml.ReturnCode} messageKey {key}, message '{message}' ({call}{(asked.Length == 0 ? "" : " " + asked)})");
    }
}
