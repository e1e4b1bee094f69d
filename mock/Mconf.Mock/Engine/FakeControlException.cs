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
    /// <summary>An operation that failed for <paramref name="error"/>, described by <paramref name="message"/>.</summary>
    public FakeControlException(ControlError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>A failed operation without details.</summary>
    public FakeControlException()
    {
    }

    /// <summary>A failed operation described by <paramref name="message"/>.</summary>
    public FakeControlException(string message)
        : base(message)
    {
    }

    /// <summary>A failed operation described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public FakeControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why it failed (the control surface answers 404, 409 or 400 accordingly).</summary>
    public ControlError Error { get; }
}
