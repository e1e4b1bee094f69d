using Mconf.Conformance.Target;

namespace Mconf.Conformance.Checks;

/// <summary>A case found the target not doing what the spec requires. <see cref="Answer"/> is the answer the
/// failure is about (its request line and raw body go into the message); null means the case's last answer.</summary>
internal sealed class CaseFailure(string expected, string actual, ApiAnswer? answer = null)
    : Exception($"expected {expected}; got {actual}")
{
    public string Expected { get; } = expected;

    public string Actual { get; } = actual;

    public ApiAnswer? Answer { get; } = answer;
}

/// <summary>The target has nothing on which the case can be observed (no attendees, no recordings...): never a pass.</summary>
internal sealed class CaseInconclusive(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>The case does not apply to this run (e.g. it would create a meeting in the read-only tier).</summary>
internal sealed class CaseSkipped(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
