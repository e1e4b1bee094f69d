using Mconf.Conformance.Checks;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>checksum</c>: how the target treats the checksum. Rejected with checksumError: missing, wrong,
/// other-secret, uppercase (hex compared case-sensitively). Accepted: position (checksum first in the query) and
/// plus-or-percent (a space sent as %20 and as +, each signed over the bytes sent). The accepted modes use
/// isMeetingRunning about an unknown meeting, which answers SUCCESS and changes nothing.</summary>
public sealed class ChecksumCase : ICaseKind
{
    public string Kind => "checksum";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var mode = c.Arg("mode");
        var call = c.OptionalArg("call") ?? "getMeetings";
        var algorithm = ctx.Session.Client.Signer.Algorithm;
        switch (mode)
        {
            case "missing":
                Expect.Error(await ctx.GetRawAsync(call, "").ConfigureAwait(false), "checksumError");
                break;
            case "wrong":
                Expect.Error(await ctx.GetRawAsync(call, "checksum=" + new string('0', algorithm.HexLength())).ConfigureAwait(false), "checksumError");
                break;
            case "other-secret":
                var other = Target.TargetClient.SignWith("not-" + ctx.Options.Secret + "-conformance", algorithm, call, "");
                Expect.Error(await ctx.GetRawAsync(call, other).ConfigureAwait(false), "checksumError");
                break;
            case "uppercase":
                var signed = ctx.Sign(call, "");
                var upper = "checksum=" + signed[(signed.IndexOf("checksum=", StringComparison.Ordinal) + "checksum=".Length)..].ToUpperInvariant();
                Expect.Error(await ctx.GetRawAsync(call, upper).ConfigureAwait(false), "checksumError");
                break;
            case "position":
                var query = "meetingID=" + QueryString.Encode(ctx.Ledger.UnknownId("meeting"));
                var checksum = Checksum.Compute("isMeetingRunning", query, ctx.Options.Secret, algorithm);
                Expect.Success(Expect.AcceptedAnswer(await ctx.GetRawAsync("isMeetingRunning", $"checksum={checksum}&{query}").ConfigureAwait(false)));
                break;
            case "plus-or-percent":
                var meeting = ctx.Ledger.UnknownId("meeting") + " with spaces";
                foreach (var style in new[] { SpaceStyle.Percent, SpaceStyle.Plus })
                {
                    var raw = "meetingID=" + QueryString.Encode(meeting, style);
                    Expect.Success(Expect.AcceptedAnswer(await ctx.GetRawAsync("isMeetingRunning", ctx.Sign("isMeetingRunning", raw)).ConfigureAwait(false)));
                }

                break;
            default:
                throw new CaseFailure("a checksum mode missing|wrong|other-secret|uppercase|position|plus-or-percent", $"mode '{mode}' in the case fixture");
        }
    }
}
