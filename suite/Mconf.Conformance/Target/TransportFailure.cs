namespace Mconf.Conformance.Target;

/// <summary>The target gave no HTTP answer (refused, reset, timed out). The URL in the message is redacted.</summary>
public sealed class TransportFailure(string message, Exception? inner = null) : Exception(message, inner);
