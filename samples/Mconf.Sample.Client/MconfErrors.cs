namespace Mconf.Sample.Client;

/// <summary>Base of every error this client raises.</summary>
public class MconfException : Exception
{
    public MconfException()
    {
    }

    public MconfException(string message)
        : base(message)
    {
    }

    public MconfException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>The server answered FAILED: <see cref="MessageKey"/> says why (e.g. <c>notFound</c>, <c>checksumError</c>).</summary>
public sealed class MconfApiException(string call, string messageKey, string message)
    : MconfException($"{call} failed: {messageKey}: {message}")
{
    public string Call { get; } = call;

    public string MessageKey { get; } = messageKey;

    public string ServerMessage { get; } = message;
}

/// <summary>The server's answer could not be read (not XML, not a BBB envelope, missing fields).</summary>
public sealed class MconfProtocolException(string message, Exception? inner = null) : MconfException(message, inner);

/// <summary>The server did not answer in time.</summary>
public sealed class MconfTimeoutException(string message, Exception? inner = null) : MconfException(message, inner);

/// <summary>The server kept failing (HTTP 5xx or dropped connections) through every attempt.</summary>
public sealed class MconfUnavailableException(string message, int? lastStatus, Exception? inner = null) : MconfException(message, inner)
{
    /// <summary>The last HTTP status, or null when the connection failed.</summary>
    public int? LastStatus { get; } = lastStatus;
}
