using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>envelope</c>: the BBB answer envelope. For <c>index/response/version</c>: the API root answers,
/// without a checksum, &lt;response&gt; with returncode SUCCESS and a non-empty version. For
/// <c>index/response/returncode</c>: returncode is the first child of &lt;response&gt; in every XML answer (the API
/// root, a signed getMeetings, a checksum failure and a notFound failure).</summary>
public sealed class EnvelopeCase : ICaseKind
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
            Expect.Element(root, "version");
            return;
        }

        FirstIsReturnCode(root);
        FirstIsReturnCode(await ctx.CallAsync("getMeetings").ConfigureAwait(false));
        FirstIsReturnCode(await ctx.GetRawAsync("getMeetings", "").ConfigureAwait(false));
        FirstIsReturnCode(await ctx.CallAsync("getMeetingInfo", ("meetingID", ctx.Ledger.UnknownId("meeting"))).ConfigureAwait(false));
    }

    private static void FirstIsReturnCode(ApiAnswer answer)
    {
        var xml = Expect.Xml(answer);
        var first = xml.Root.Elements().FirstOrDefault()?.Name.LocalName;
        Expect.Equal("returncode", first, $"the first child of <response> in the {(answer.Call.Length == 0 ? "API root" : answer.Call)} answer", answer);
        Expect.True(xml.ReturnCode is "SUCCESS" or "FAILED", "returncode SUCCESS or FAILED", $"'{xml.ReturnCode}'", answer);
    }
}
