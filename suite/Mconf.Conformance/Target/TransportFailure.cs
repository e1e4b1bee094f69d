namespace Mconf.Conformance.Target;

/// <summary>The target gave no HTTP answer (refused, reset, timed out). The URL in the message is redacted.</summary>
public class TransportFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The answer was longer than <see cref="RunOptions.MaxBodyBytes"/>: it was cut off, not kept.</summary>
public sealed class BodyLimitExceeded(string message) : TransportFailure(message);
