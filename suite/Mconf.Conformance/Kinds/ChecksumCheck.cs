using Mconf.Conformance.Checks;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>checksum</c>: how the target treats the checksum. Rejected with checksumError: missing, wrong,
/// other-secret, uppercase (hex compared case-sensitively). Accepted: position (checksum first in the query) and
/// plus-or-percent (a space sent as %20 and as +, each signed over the bytes sent). The accepted modes use
/// isMeetingRunning about an unknown meeting, which answers SUCCESS and changes nothing. <c>call</c> (default
/// getMeetings) and <c>params</c> (<c>k=v;k=v</c>, a value starting <c>conformance-unknown</c> becomes an unknown ID
/// of the run) choose the request whose checksum is left out or wrong: the checksum is enforced on every signed
/// call, with the parameters the deltas add (getStats, getRecordings with meta filters, join with guest). A create's meeting ID
/// is registered with the ledger first, so a create wrongly accepted is ended with the run's meetings.</summary>
internal sealed class ChecksumCheck : ICheck
{
    public string Kind => "checksum";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var mode = c.Arg("mode");
        var call = c.OptionalArg("call") ?? "getMeetings";
        var algorithm = ctx.Session.Client.Signer.Algorithm;
        var parameters = Scenarios.ProbeRequests.Apply(ctx, [], null, c.Args.Pairs("params"));
        if (call == "create" && parameters.FirstOrDefault(p => p.Key == "meetingID").Value is { } created)
        {
            // A target that wrongly accepts the unsigned create makes a meeting of the run: the ledger ends it.
            ctx.Ledger.Register(created, null);
        }

        var query = QueryString.Build(parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        var and = query.Length == 0 ? "" : query + "&";
        // Every verdict is judged against what the suite sent (a checksum it left out, spoiled, or placed or encoded
        // on purpose), never against the answer alone; the witness is the answer's key and the request it answers.
        switch (mode)
        {
            case "missing":
                Rejected(ctx, await ctx.GetRawAsync(call, query).ConfigureAwait(false), "no checksum sent");
                break;
            case "wrong":
                Rejected(ctx, await ctx.GetRawAsync(call, and + "checksum=" + new string('0', algorithm.HexLength())).ConfigureAwait(false), "a checksum of zeros sent");
                break;
            case "other-secret":
                var other = Target.TargetClient.SignWith("not-" + ctx.Options.Secret + "-conformance", algorithm, call, "");
                Rejected(ctx, await ctx.GetRawAsync(call, other).ConfigureAwait(false), "signed with another secret");
                break;
            case "uppercase":
                var signed = ctx.Sign(call, "");
                var upper = "checksum=" + signed[(signed.IndexOf("checksum=", StringComparison.Ordinal) + "checksum=".Length)..].ToUpperInvariant();
                Rejected(ctx, await ctx.GetRawAsync(call, upper).ConfigureAwait(false), "the right checksum in upper case");
                break;
            case "position":
                var probe = "meetingID=" + QueryString.Encode(ctx.Ledger.UnknownId("meeting"));
                var checksum = Checksum.Compute("isMeetingRunning", probe, ctx.Options.Secret, algorithm);
                Accepted(ctx, await ctx.GetRawAsync("isMeetingRunning", $"checksum={checksum}&{probe}").ConfigureAwait(false), "the right checksum first in the query");
                break;
            case "plus-or-percent":
                var meeting = ctx.Ledger.UnknownId("meeting") + " with spaces";
                foreach (var style in new[] { SpaceStyle.Percent, SpaceStyle.Plus })
                {
                    var raw = "meetingID=" + QueryString.Encode(meeting, style);
                    Accepted(ctx, await ctx.GetRawAsync("isMeetingRunning", ctx.Sign("isMeetingRunning", raw)).ConfigureAwait(false),
                        $"a space sent as {(style == SpaceStyle.Plus ? "+" : "%20")}, signed over the bytes sent");
                }

                break;
            default:
                throw new CaseFailure("a checksum mode missing|wrong|other-secret|uppercase|position|plus-or-percent", $"mode '{mode}' in the case fixture");
        }
    }

    private static void Rejected(CaseContext ctx, Target.ApiAnswer answer, string sent)
    {
        var xml = Expect.Error(answer, "checksumError");
        ctx.Witness(answer, "", $"returncode {xml.ReturnCode} messageKey checksumError ({sent})");
    }

    private static void Accepted(CaseContext ctx, Target.ApiAnswer answer, string sent)
    {
        var xml = Expect.Success(Expect.AcceptedAnswer(answer));
        ctx.Witness(answer, "", $"returncode {xml.ReturnCode}, no checksumError ({sent})");
    }
}
