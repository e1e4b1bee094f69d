using Mconf.Mock.Xml;

namespace Mconf.Mock.Api;

/// <summary>signOut (specs/reference.md §3.12): no checksum; always SUCCESS (the fake keeps no client sessions).</summary>
internal sealed class SignOutHandler : ApiHandler
{
    public override string Call => "signOut";

    protected override ApiResult Answer(ApiRequest request, ApiContext context) =>
        ApiResult.Xml(Envelope.End(Envelope.Begin(Envelope.Success)));
}
