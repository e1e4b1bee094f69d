namespace Mconf.Mock;

/// <summary>Why a control operation could not be done; the HTTP control surface maps it to a status.</summary>
public enum ControlError
{
    /// <summary>No such meeting, user or recording (HTTP 404).</summary>
    NotFound,

    /// <summary>The operation does not fit the current state, e.g. the user is not connected (HTTP 409).</summary>
    Conflict,

    /// <summary>A malformed argument (HTTP 400).</summary>
    BadRequest,
}

/// <summary>Thrown by <see cref="FakeControl"/> operations that cannot be done.</summary>
public sealed class FakeControlException : Exception
{
    public FakeControlException(ControlError error, string message)
        : base(message)
    {
        Error = error;
    }

    public FakeControlException()
    {
    }

    public FakeControlException(string message)
        : base(message)
    {
    }

    public FakeControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ControlError Error { get; }
}
