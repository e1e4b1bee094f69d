using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>deleteRecordings (specs/reference.md §3.9): answers deleted=true even for unknown IDs; only an empty ID list
/// (e.g. <c>recordID=,</c>) is notFound.</summary>
internal sealed class DeleteRecordingsHandler : ApiHandler
{
    public override string Call => "deleteRecordings";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        var recordId = request.Get("recordID")!;

        var ids = Java.Split(QueryString.Decode(recordId), ',');
        if (ids.Count == 0)
        {
            return context.Fail("notFound", Call);
        }

        context.State.DeleteRecordings(ids);
        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("deleted", true)), noCache: false);
    }
}
