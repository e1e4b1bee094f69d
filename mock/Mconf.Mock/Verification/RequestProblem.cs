namespace Mconf.Mock.Verification;

/// <summary>One thing wrong with a client request: a stable <see cref="Code"/> (see <see cref="ProblemCodes"/>),
/// its severity, a sentence for people, and the parameter concerned when there is one.</summary>
public sealed record RequestProblem(string Code, ProblemSeverity Severity, string Message, string? Parameter = null)
{
    /// <summary>The problem in one line: code, severity and message.</summary>
    public override string ToString() => $"{Code} ({Severity.ToString().ToLowerInvariant()}): {Message}";
}
