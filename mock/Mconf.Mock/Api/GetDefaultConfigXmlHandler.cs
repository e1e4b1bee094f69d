using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>getDefaultConfigXML (specs/reference.md §3.10): the client's config.xml as is; a wrong checksum is answered in the
/// <c>&lt;errors&gt;</c> shape.</summary>
internal sealed class GetDefaultConfigXmlHandler : ApiHandler
{
    /// <summary>A small client config.xml standing in for the one bbb-web fetches from defaultConfigURL.</summary>
    public const string DefaultConfigXml =
        "<?xml version=\"1.0\" ?>\n<config>\n  <localeversion suppressWarning=\"false\">0.9.0</localeversion>\n"
        + "  <version>mconf-live-0.7.3-fake</version>\n  <help url=\"http://127.0.0.1/help.html\"/>\n"
        + "  <skinning enabled=\"true\" url=\"http://127.0.0.1/client/branding/css/BBBDefault.css.swf\"/>\n"
        + "  <layout showLogButton=\"false\" showVideoLayout=\"false\" showResetLayout=\"true\" defaultLayout=\"Default\"/>\n"
        + "  <modules>\n    <module name=\"ChatModule\" url=\"http://127.0.0.1/client/ChatModule.swf\" uri=\"rtmp://127.0.0.1/bigbluebutton\"/>\n  </modules>\n</config>\n";

    public override string Call => "getDefaultConfigXML";

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        return context.Verify(request) switch
        {
            ChecksumVerdict.Missing => context.Fail("checksumError", Call),
            ChecksumVerdict.Mismatch => context.FailErrors("checksumError", Call),
            _ => ApiAnswer.Xml(DefaultConfigXml),
        };
    }
}
