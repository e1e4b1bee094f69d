using System.Text;
using Mconf.Mock.Control;
using Mconf.Mock.Verification;
using Mconf.Spec.Signing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Wiring;

/// <summary>Registers the control surfaces as WireMock mappings, one per area of <see cref="ControlRoutes"/>, each
/// answering through the one routing table. The mappings (titles, paths, priorities) are what
/// <c>GET /__admin/mappings</c> has always shown; their priorities still choose the area (the journal and the
/// faults at <see cref="RequestEndpoints.Priority"/> win over the <c>/fake/*</c> catch-all).</summary>
internal static class ControlMappings
{
    public static void Register(WireMockServer server, ControlRouter routes, string secret, Action<string> log)
    {
        Map(server, routes, ControlRoutes.Fake, "Fake control surface", ApiMappings.BuiltInPriority,
            [new ExactMatcher(ControlRoutes.Fake), new WildcardMatcher(ControlRoutes.Fake + "/*")], (secret, log));
        Map(server, routes, ControlRoutes.Requests, "Fake request journal", RequestEndpoints.Priority,
            [new ExactMatcher(ControlRoutes.Requests), new ExactMatcher(ControlRoutes.Requests + "/"), new ExactMatcher(ControlRoutes.Requests + "/report")]);
        Map(server, routes, ControlRoutes.Faults, "Fake fault injection", RequestEndpoints.Priority,
            [new ExactMatcher(ControlRoutes.Faults), new WildcardMatcher(ControlRoutes.Faults + "/*")]);
    }

    /// <summary>A fleet's control server: its one area.</summary>
    public static void RegisterFleet(WireMockServer server, ControlRouter routes)
    {
        server.Given(Request.Create().WithPath(new ExactMatcher(ControlRoutes.FleetArea), new WildcardMatcher(ControlRoutes.FleetArea + "/*")).UsingAnyMethod())
            .WithTitle("Fleet control")
            .RespondWith(Response.Create().WithCallback(req => Answer(req, routes, ControlRoutes.FleetArea)));
    }

    /// <summary><paramref name="guard"/>: the <c>/fake/</c> surface never answers a stack trace; an unexpected
    /// failure is a 500 with a JSON error, its cause in the log.</summary>
    private static void Map(WireMockServer server, ControlRouter routes, string area, string title, int priority, IStringMatcher[] paths, (string Secret, Action<string> Log)? guard = null)
    {
        server.Given(Request.Create().WithPath(paths).UsingAnyMethod())
            .WithTitle(title)
            .AtPriority(priority)
            .RespondWith(Response.Create().WithCallback(req => guard is { } g ? Guarded(req, routes, area, g.Secret, g.Log) : Answer(req, routes, area)));
    }

    private static ResponseMessage Guarded(IRequestMessage req, ControlRouter routes, string area, string secret, Action<string> log)
    {
        try
        {
            return Answer(req, routes, area);
        }
#pragma warning disable CA1031 // A control call never answers a stack trace; the cause goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log($"fake: control {req.Method} {req.Path} failed: {Redactor.Redact(ex.ToString(), secret)}");
            return ResponseFactory.Create(new Api.ApiAnswer(500, Api.ApiAnswer.JsonContentType, "{\"error\":\"internal error; see the fake's log\"}", NoCache: true));
        }
    }

    /// <summary>The path and query as sent when the fake's middleware saw them (a fleet's control server has none:
    /// WireMock's own).</summary>
    private static ResponseMessage Answer(IRequestMessage req, ControlRouter routes, string area)
    {
        var scope = RequestScope.Current;
        var body = req.Body ?? (req.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
        var reply = routes.Answer(area, req.Method, scope?.RawPath ?? req.Path, req.Path, scope?.RawQuery ?? (req.RawQuery ?? "").TrimStart('?'), body);
        return ResponseFactory.Create(new Api.ApiAnswer(reply.Status, reply.ContentType, reply.Body, NoCache: true));
    }
}
