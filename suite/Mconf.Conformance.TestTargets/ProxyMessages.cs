namespace Mconf.Conformance.TestTargets;

/// <summary>A request as the proxy received it: the API call name ("" for the API root), the raw query exactly as
/// sent (no leading '?'), the method and the path below the host.</summary>
public sealed record ProxyRequest(string Call, string Method, string Path, string RawQuery)
{
    /// <summary>The raw query as the client sent it, before any request mutation (for answer mutations that
    /// re-implement what the request asked, e.g. a selection the upstream was not given).</summary>
    public string OriginalQuery { get; init; } = RawQuery;
}

/// <summary>An answer on its way back through the proxy.</summary>
public sealed record ProxyResponse(int Status, string? ContentType, string Body, string? Location = null);

/// <summary>A named change the proxy applies: to the request before forwarding (<see cref="Request"/>), instead of
/// forwarding (<see cref="Answer"/> returns non-null), or to the answer (<see cref="Response"/>).</summary>
public sealed record Mutation(
    string Name,
    Func<ProxyRequest, ProxyRequest>? Request = null,
    Func<ProxyRequest, ProxyResponse?>? Answer = null,
    Func<ProxyRequest, ProxyResponse, ProxyResponse>? Response = null)
{
    public override string ToString() => Name;
}
