using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>The calls that change recordings given a comma-separated recordID list.</summary>
internal static class RecordingCalls
{
    /// <summary>publishRecordings (specs/reference.md §3.8): echoes the raw publish string; Groovy toBoolean decides.</summary>
    public static ApiAnswer PublishRecordings(ApiRequest request, ApiContext context)
    {
        var publish = request.Get("publish")!;
        return context.State.PublishRecordings(RecordIds(request), Java.GroovyToBoolean(publish))
            ? Single("published", publish)
            : context.Fail("notFound", request.Call);
    }

    /// <summary>deleteRecordings (specs/reference.md §3.9): answers deleted=true even for unknown IDs; only an empty ID list
    /// (e.g. <c>recordID=,</c>) is notFound.</summary>
    public static ApiAnswer DeleteRecordings(ApiRequest request, ApiContext context)
    {
        var ids = RecordIds(request);
        if (ids.Count == 0)
        {
            return context.Fail("notFound", request.Call);
        }

        context.State.DeleteRecordings(ids);
        return Single("deleted", "true");
    }

    private static IReadOnlyList<string> RecordIds(ApiRequest request) => Java.Split(QueryString.Decode(request.Get("recordID")!), ',');

    /// <summary>SUCCESS with one element; bbb-web lets these answers be cached.</summary>
    private static ApiAnswer Single(string name, string value) =>
        ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element(name, value)), noCache: false);
}
