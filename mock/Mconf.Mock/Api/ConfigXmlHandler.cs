using Mconf.Mock.Xml;

namespace Mconf.Mock.Api;

/// <summary>configXML (specs/reference.md §3.12): the session user's config; without client sessions always the
/// "Could not find conference." answer.</summary>
internal sealed class ConfigXmlHandler : ApiHandler
{
    public override string Call => "configXML";

    protected override ApiResult Answer(ApiRequest request, ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Failed)
            .Element("message", "Could not find conference.")
            .Element("logoutURL", context.State.Settings.ServerUrl)));
    }
}
