namespace Mconf.Mock.Api;

/// <summary>One API call: its name, the HTTP methods its URL mapping accepts, and its behaviour.</summary>
internal abstract class ApiHandler
{
    /// <summary>Any method (bbb-web's generic Grails mapping has no method restriction).</summary>
    public static readonly IReadOnlyList<string> AnyMethod = [];

    /// <summary>The public call name, also the first part of the checksum base string.</summary>
    public abstract string Call { get; }

    /// <summary>HTTP methods the call's URL mapping accepts; empty = any. Other methods get Grails' 404.</summary>
    public virtual IReadOnlyList<string> Methods => AnyMethod;

    /// <summary>False for Mconf-Live-only calls, which a plain BBB 0.9 server does not have (404).</summary>
    public virtual bool InBbb09 => true;

    /// <summary>Answers a request: the spec's checks before the checksum comparison first
    /// (<see cref="ApiContext.Precheck"/>), then the call's own behaviour.</summary>
    public ApiAnswer Handle(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return context.Precheck(request, Call) ?? Answer(request, context);
    }

    /// <summary>The call's behaviour once the pre-checks passed (for calls the spec does not describe as signed:
    /// the whole behaviour).</summary>
    protected abstract ApiAnswer Answer(ApiRequest request, ApiContext context);
}
