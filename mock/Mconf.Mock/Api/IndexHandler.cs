using Mconf.Mock.Xml;

namespace Mconf.Mock.Api;

/// <summary><c>GET /bigbluebutton/api</c>: the version answer, no checksum (specs/reference.md §1).</summary>
internal sealed class IndexHandler : ApiHandler
{
    public const string ApiVersion = "0.9";

    public override string Call => "index";

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context) =>
        ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("version", ApiVersion)));
}
