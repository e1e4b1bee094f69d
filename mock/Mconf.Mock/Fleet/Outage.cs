namespace Mconf.Mock.Fleet;

/// <summary>How a fake server is down, in the ways a load balancer or a multi-server client tells apart.</summary>
public enum Outage
{
    /// <summary>Up: answers normally (possibly slowly, see <see cref="FakeMconfServer.SlowDown"/>).</summary>
    None,

    /// <summary>The port is closed: connections are refused (the server stopped listening; its state is kept).</summary>
    Refuse,

    /// <summary>Every API request gets HTTP 503 with an HTML error page, as a proxy in front of a dead bbb-web gives.</summary>
    Status503,

    /// <summary>API requests are accepted and never answered until the server is brought back (then they are).</summary>
    Hang,

    /// <summary>Every API request answers HTTP 200 FAILED (messageKey <c>serverUnavailable</c>).</summary>
    Failed,
}
