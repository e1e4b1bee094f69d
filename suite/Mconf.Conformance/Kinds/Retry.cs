using Mconf.Conformance.Checks;

namespace Mconf.Conformance.Kinds;

/// <summary>Consistency checks compare answers taken a moment apart; a live server may change in between, so a
/// failure is observed once more before it counts.</summary>
internal static class Retry
{
    public static async Task OnceAsync(Func<Task> check)
    {
        try
        {
            await check().ConfigureAwait(false);
        }
        catch (CaseFailure)
        {
            await check().ConfigureAwait(false);
        }
    }
}
