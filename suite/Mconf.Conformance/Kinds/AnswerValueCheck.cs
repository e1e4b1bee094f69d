using System.Text.RegularExpressions;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>answer-value</c>: a valid request to <c>call</c> (the suite's probe request: join with
/// redirect=false into a fresh meeting of the run, deleteRecordings of an ID with the run's prefix that no recording
/// has) answers SUCCESS with <c>path</c> matching <c>pattern</c>, the documented recipe or constant (e.g. join's
/// auth token, specs/reference.md §3.2; deleteRecordings' deleted=true for unknown IDs, §3.9).</summary>
internal sealed class AnswerValueCheck : ICheck
{
    public string Kind => "answer-value";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var path = c.Arg("path");
        var pattern = c.Arg("pattern");
        var probe = await ProbeRequests.ForAsync(ctx, call, needsMeeting: call is "join").ConfigureAwait(false);
        var answer = await ctx.CallAsync(call, probe).ConfigureAwait(false);
        Expect.Success(answer);
        var value = Expect.Element(answer, path);
        // Judged against the documented recipe (the pattern), never against another part of the same answer.
        Expect.True(Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            $"<{path}> of the {call} answer to match {pattern}", $"'{value}'", answer);
        var sent = string.Join(", ", probe.Where(p => p.Key is "recordID" or "redirect").Select(p => $"{p.Key}={p.Value}"));
        ctx.Witness(answer, sent.Length == 0 ? "" : $"{call} with {sent}", $"{path} '{value}' (matches {pattern})");
    }
}
