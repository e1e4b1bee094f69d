namespace Mconf.Conformance.Target;

/// <summary>The target gave no HTTP answer (refused, reset, broken off). The URL in the message is redacted.</summary>
internal class TransportFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The answer did not fit one of the run's budgets (time or size): the target may be right and merely big
/// or slow, so the case is inconclusive, never failed. <see cref="Option"/> names the option that would let it
/// complete; only wrong content fails a case.</summary>
internal class BudgetExceeded(string message, string option, Exception? inner = null) : TransportFailure(message, inner)
{
    /// <summary>The command-line option that raises the budget, e.g. <c>--timeout</c>.</summary>
    public string Option { get; } = option;

    /// <summary>The message with the option that would let the call complete.</summary>
    public string Reason => $"{Message}: a limit of this run, not a fault of the target; {Option} lets it complete";
}

/// <summary>The answer was longer than <see cref="RunOptions.MaxBodyBytes"/>: it was cut off, not kept.</summary>
internal sealed class BodyLimitExceeded(string message) : BudgetExceeded(message, "--max-body BYTES");
