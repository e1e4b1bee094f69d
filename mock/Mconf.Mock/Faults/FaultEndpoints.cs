using System.Text;
using System.Text.Json;
using Mconf.Mock.Api;
using Mconf.Mock.Verification;
using Mconf.Mock.Wiring;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Faults;

/// <summary>Faults over HTTP, for clients in any language: <c>POST /fake/faults</c> with a <see cref="FaultSpec"/>
/// as JSON (201 and the fault), <c>GET /fake/faults</c>, <c>GET|DELETE /fake/faults/{id}</c>,
/// <c>DELETE /fake/faults</c> (all).</summary>
internal static class FaultEndpoints
{
    public const string Prefix = "/fake/faults";

    private static readonly JsonSerializerOptions Json = RequestEndpoints.Json;

    public static void Register(WireMockServer server, FakeFaults faults)
    {
        server.Given(Request.Create().WithPath(new ExactMatcher(Prefix), new WildcardMatcher(Prefix + "/*")).UsingAnyMethod())
            .WithTitle("Fake fault injection")
            .AtPriority(RequestEndpoints.Priority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req, faults)));
    }

    private static ResponseMessage Answer(IRequestMessage req, FakeFaults faults)
    {
        var rawPath = RequestScope.Current?.RawPath ?? req.Path;
        var id = rawPath.Length > Prefix.Length + 1 ? Uri.UnescapeDataString(rawPath[(Prefix.Length + 1)..]).Trim('/') : "";
        switch (req.Method.ToUpperInvariant(), id.Length > 0)
        {
            case ("GET", false):
                return Reply(200, faults.All.Select(View).ToList());
            case ("POST", false):
                return Post(req, faults);
            case ("DELETE", false):
                return Reply(200, new { removed = faults.Clear() });
            case ("GET", true):
                return faults.All.FirstOrDefault(f => f.Id == id) is { } fault ? Reply(200, View(fault)) : NotFound(id);
            case ("DELETE", true):
                return faults.Remove(id) ? Reply(200, new { removed = id }) : NotFound(id);
            default:
                return Reply(405, new { error = $"{req.Method} {rawPath}: use GET/POST/DELETE {Prefix} or GET/DELETE {Prefix}/{{id}}." });
        }
    }

    private static ResponseMessage Post(IRequestMessage req, FakeFaults faults)
    {
        var body = req.Body ?? (req.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
        if (string.IsNullOrWhiteSpace(body))
        {
            return Reply(400, new { error = "POST a fault as JSON, e.g. {\"call\":\"getMeetings\",\"kind\":\"status\",\"status\":503,\"times\":2}." });
        }

        try
        {
            var spec = JsonSerializer.Deserialize<FaultSpec>(body, Json) ?? throw new JsonException("null");
            return Reply(201, View(faults.Add(spec)));
        }
        catch (JsonException ex)
        {
            return Reply(400, new { error = "Not a fault: " + ex.Message });
        }
        catch (ArgumentException ex)
        {
            return Reply(400, new { error = ex.Message });
        }
    }

    private static object View(Fault fault) =>
        new { id = fault.Id, description = fault.Spec.Describe(), spec = fault.Spec, matched = fault.Matched, fired = fault.Fired, remaining = fault.Remaining, active = fault.Active };

    private static ResponseMessage NotFound(string id) => Reply(404, new { error = $"No fault '{id}'." });

    private static ResponseMessage Reply(int status, object value) =>
        ResponseFactory.Create(new ApiResult(status, ApiResult.JsonContentType, JsonSerializer.Serialize(value, value.GetType(), Json)));
}
