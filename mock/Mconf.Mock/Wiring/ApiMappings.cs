using Mconf.Mock.Api;
using Mconf.Spec.Signing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Mconf.Mock.Wiring;

/// <summary>Registers one WireMock mapping for the API calls (every call's path, with and without <c>.xml</c>; the
/// router refuses the methods a call's Grails mapping does not accept), answering through a callback into the
/// engine, plus a catch-all under
/// <c>/bigbluebutton</c> that answers what Grails gives for anything else (404). All at
/// <see cref="BuiltInPriority"/>, so a user mapping with a smaller priority number wins.</summary>
internal static class ApiMappings
{
    /// <summary>Priority of the built-in mappings (WireMock: a lower number wins).</summary>
    public const int BuiltInPriority = 1000;

    public const int CatchAllPriority = 10_000;

    public const string CallsTitle = "BBB API: every call (routed by path)";

    public const string CatchAllTitle = "BBB API: anything else (Grails 404)";

    public static void Register(WireMockServer server, ApiRouter router, Action<string> log)
    {
        // One mapping for every call's paths (any method; the router refuses a method as Grails does, with the
        // same 404 the catch-all gives): WireMock matches every mapping against every request, so one mapping
        // instead of one per call saves ~16 matcher runs per request.
        var paths = new ExactMatcher(MatchBehaviour.AcceptOnMatch, false, MatchOperator.Or, [.. router.Handlers.SelectMany(PathsOf)]);
        server.Given(Request.Create().WithPath(paths).UsingAnyMethod())
            .WithTitle(CallsTitle)
            .AtPriority(BuiltInPriority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req, router, log)));

        server.Given(Request.Create().WithPath(new WildcardMatcher(ApiRouter.ContextPath + "*")).UsingAnyMethod())
            .WithTitle(CatchAllTitle)
            .AtPriority(CatchAllPriority)
            .RespondWith(Response.Create().WithCallback(req => Answer(req, router, log)));
    }

    /// <summary>The paths a call answers on: <c>/api/&lt;call&gt;</c> and <c>/api/&lt;call&gt;.xml</c> (the API
    /// root for index).</summary>
    public static IReadOnlyList<string> PathsOf(ApiHandler handler) => handler.Call == "index"
        ? [ApiRouter.ApiPath, ApiRouter.ApiPath + "/", ApiRouter.ApiPath + "/index", ApiRouter.ApiPath + "/index.xml"]
        : [ApiRouter.ApiPath + "/" + handler.Call, ApiRouter.ApiPath + "/" + handler.Call + ".xml"];

    /// <summary>A request matcher for a call's paths and the methods its mapping accepts.</summary>
    public static IRequestBuilder RequestFor(ApiHandler handler)
    {
        var request = Request.Create().WithPath([.. PathsOf(handler).Select(p => (IStringMatcher)new ExactMatcher(p))]);
        return handler.Methods.Count == 0 ? request.UsingAnyMethod() : request.UsingMethod([.. handler.Methods]);
    }

    /// <summary>What the built-in mappings answer, routed by path: the layer faults, recording and replay fall
    /// back to.</summary>
    public static Func<IRequestMessage, Task<IResponseMessage>> BuiltIn(ApiRouter router, Action<string> log) =>
        req => Task.FromResult<IResponseMessage>(Answer(req, router, log));

    private static ResponseMessage Answer(IRequestMessage req, ApiRouter router, Action<string> log) =>
        Answer(req.Path, req.Method, RequestScope.Current?.RawQuery ?? (req.RawQuery ?? "").TrimStart('?'), req.Body, router, log);

    /// <summary>Runs the handler a path routes to; never lets an exception become a 500 or a stack trace. The
    /// mappings' callbacks and the direct answers (<see cref="DirectAnswers"/>) both answer through here.</summary>
    public static ResponseMessage Answer(string path, string method, string rawQuery, string? body, ApiRouter router, Action<string> log)
    {
        var handler = router.Resolve(path, method);
        try
        {
            var result = handler is null
                ? ApiAnswer.NotFound(path)
                : handler.Handle(new ApiRequest(handler.Call, method, rawQuery, body), router.Context);
            return ResponseFactory.Create(result);
        }
#pragma warning disable CA1031 // The fake answers every request with an envelope; the cause goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log($"fake: {method} {path} failed: {Redactor.Redact(ex.ToString(), router.Context.Secret)}");
            return ResponseFactory.Create(ApiAnswer.Xml(AnswerCatalog.OwnError(AnswerCatalog.InternalError)));
        }
    }
}
