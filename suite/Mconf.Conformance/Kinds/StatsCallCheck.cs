namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>stats-call</c>: a signed getStats gets an XML answer with returncode SUCCESS (plain 0.9 answers 404).</summary>
internal sealed class StatsCallCheck : ICheck
{
    public string Kind => "stats-call";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        StatsAnswers.Expect(await ctx.CallAsync("getStats").ConfigureAwait(false));
    }
}
