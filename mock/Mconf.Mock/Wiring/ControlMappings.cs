using Mconf.Mock.Control;
using Mconf.Spec.Signing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Wiring;

/// <summary>Registers the <c>/fake/</c> control surface as one WireMock mapping.</summary>
internal static class ControlMappings
{
    public static void Register(WireMockServer server, ControlEndpoints endpoints, string secret, Action<string> log)
    {
        server.Given(Request.Create()
                .WithPath(new ExactMatcher(ControlEndpoints.Prefix), new WildcardMatcher(ControlEndpoints.Prefix + "/*"))
                .UsingAnyMethod())
            .WithTitle("Fake control surface")
            .AtPriority(ApiMappings.BuiltInPriority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req, endpoints, secret, log)));
    }

    private static ResponseMessage Answer(IRequestMessage req, ControlEndpoints endpoints, string secret, Action<string> log)
    {
        var scope = RequestScope.Current;
        int status;
        string body;
        try
        {
            (status, body) = endpoints.Handle(req.Method, scope?.RawPath ?? req.Path, scope?.RawQuery ?? (req.RawQuery ?? "").TrimStart('?'));
        }
#pragma warning disable CA1031 // A control call never answers a stack trace; the cause goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log($"fake: control {req.Method} {req.Path} failed: {Redactor.Redact(ex.ToString(), secret)}");
            (status, body) = (500, "{\"error\":\"internal error; see the fake's log\"}");
        }

        return ResponseFactory.Create(new Api.ApiResult(status, Api.ApiResult.JsonContentType, body, NoCache: true));
    }
}
