using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>publishRecordings (specs/reference.md §3.8): echoes the raw publish string; Groovy toBoolean decides.</summary>
internal sealed class PublishRecordingsHandler : ApiHandler
{
    public override string Call => "publishRecordings";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var recordId = request.Get("recordID")!;
        var publish = request.Get("publish")!;

        var ids = Java.Split(QueryString.Decode(recordId), ',');
        if (!context.State.PublishRecordings(ids, Java.GroovyToBoolean(publish)))
        {
            return context.Fail("notFound", Call);
        }

        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("published", publish)), noCache: false);
    }
}
