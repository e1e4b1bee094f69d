namespace Mconf.Sample.Client;

/// <summary>Where the server is and how patient the client is.</summary>
public sealed class MconfClientOptions
{
    /// <summary>The server URL as <c>bbb-conf --secret</c> prints it: <c>https://host/bigbluebutton/</c>
    /// (with or without <c>/api</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The shared secret (used by the default signer).</summary>
    public required string Secret { get; init; }

    /// <summary>How long one attempt may take before <see cref="MconfTimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per call when the server answers 5xx or drops the connection (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Pause before a retry (doubled each time).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
