using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>envelope</c>: the BBB answer envelope. For <c>index/response/version</c>: the API root answers,
/// without a checksum, &lt;response&gt; with returncode SUCCESS and a non-empty version. For
/// <c>index/response/returncode</c>: returncode is the first child of &lt;response&gt; in every XML answer (the API
/// root, a signed getMeetings, a checksum failure and a notFound failure).</summary>
internal sealed class EnvelopeCheck : ICheck
{
    public string Kind => "envelope";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var specId = ctx.RequireCase().SpecId;
        var root = await ctx.GetRawAsync("", "").ConfigureAwait(false);
        if (specId.EndsWith("/version", StringComparison.Ordinal))
        {
            Expect.Success(root);
            var version = Expect.Element(root, "version");
            Expect.True(version.Length > 0, "a non-empty <version> at the API root", "an empty one", root);
            ctx.Witness(root, "", $"returncode SUCCESS, version '{version}' (asked without a checksum)");
            return;
        }

        // Each answer's returncode is judged against what the suite asked: SUCCESS where it sent a valid request,
        // FAILED where it left the checksum out or asked about a meeting it knows does not exist.
        FirstIsReturnCode(ctx, root, "SUCCESS", "the API root");
        FirstIsReturnCode(ctx, await ctx.CallAsync("getMeetings").ConfigureAwait(false), "SUCCESS", "a signed getMeetings");
        FirstIsReturnCode(ctx, await ctx.GetRawAsync("getMeetings", "").ConfigureAwait(false), "FAILED", "getMeetings without a checksum");
        FirstIsReturnCode(ctx, await ctx.CallAsync("getMeetingInfo", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false), "FAILED", "getMeetingInfo about an unknown meeting");
    }

    private static void FirstIsReturnCode(CaseContext ctx, ApiAnswer answer, string expected, string asked)
    {
        var xml = Expect.Xml(answer);
        var first = xml.Root.Elements().FirstOrDefault()?.Name.LocalName;
        Expect.Equal("returncode", first, $"the first child of <response> in the {(answer.Call.Length == 0 ? "API root" : answer.Call)} answer", answer);
        Expect.Equal(expected, xml.ReturnCode, $"the returncode of {asked}", answer);
        ctx.Witness(answer, "", $"first child <returncode>{xml.ReturnCode}</returncode> ({asked})");
    }
}
