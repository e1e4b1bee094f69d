using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>publishRecordings (facts §3.8): echoes the raw publish string; Groovy toBoolean decides.</summary>
public sealed class PublishRecordingsHandler : ApiHandler
{
    public override string Call => "publishRecordings";

    public override ApiResult Handle(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var verdict = context.Verify(request);
        if (verdict == ChecksumVerdict.Missing)
        {
            return context.Fail("checksumError", Call);
        }

        var recordId = request.Get("recordID");
        if (string.IsNullOrEmpty(recordId))
        {
            return context.Fail("missingParamRecordID", Call);
        }

        var publish = request.Get("publish");
        if (string.IsNullOrEmpty(publish))
        {
            return context.Fail("missingParamPublish", Call);
        }

        if (verdict != ChecksumVerdict.Valid)
        {
            return context.Fail("checksumError", Call);
        }

        var ids = Java.Split(QueryString.Decode(recordId), ',');
        if (!context.State.PublishRecordings(ids, Java.GroovyToBoolean(publish)))
        {
            return context.Fail("notFound", Call);
        }

        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("published", publish)), noCache: false);
    }
}
