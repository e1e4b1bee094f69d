namespace Mconf.Conformance.Runner;

/// <summary>The runner's exit codes (design.md): a CI job can tell "the server is wrong" from "the kit could
/// not judge". Codes 1 and 2 always come with one closing line saying why.</summary>
public static class ExitCodes
{
    /// <summary>Every case that had to pass passed; inconclusive, skipped and known-failing cases are allowed.</summary>
    public const int Conformant = 0;

    /// <summary>At least one case failed (a stale known-failing entry counts as a failure).</summary>
    public const int NotConformant = 1;

    /// <summary>The run could not judge the target: unreachable, not BBB, secret rejected, bad option, or
    /// nothing ran.</summary>
    public const int CouldNotRun = 2;

    /// <summary>Only with <c>--require-complete</c>: no case failed, but some documented Mconf-Live delta was not
    /// verified (without that option an incomplete run exits <see cref="Conformant"/>'s 0 and says "incomplete").</summary>
    public const int Incomplete = 3;

    /// <summary>A signal (SIGTERM, SIGINT, SIGHUP) stopped the run: the meetings it created were ended and partial
    /// reports (verdict <c>interrupted</c>) hold the cases that finished. Not a verdict on the target.</summary>
    public const int Interrupted = 4;
}
