namespace Mconf.Mock.Api;

/// <summary>Maps a path under <c>/bigbluebutton/api</c> to its handler as bbb-web's Grails URL mappings do:
/// the API root answers the version, <c>&lt;call&gt;</c> and <c>&lt;call&gt;.xml</c> route to the call,
/// names are case-sensitive, and an unknown call or a method the mapping refuses is a 404.</summary>
internal sealed class ApiRouter
{
    public const string ContextPath = "/bigbluebutton";
    public const string ApiPath = ContextPath + "/api";

    private readonly Dictionary<string, ApiHandler> _handlers;
    private readonly Dictionary<string, ApiHandler>.AlternateLookup<ReadOnlySpan<char>> _byName;

    public ApiRouter(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _handlers = AllHandlers()
            .Where(h => context.Mconf || h.InBbb09)
            .ToDictionary(h => h.Call, StringComparer.Ordinal);
        _byName = _handlers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ApiContext Context { get; }

    /// <summary>The calls this flavour serves (index included).</summary>
    public IReadOnlyCollection<ApiHandler> Handlers => _handlers.Values;

    public static IReadOnlyList<ApiHandler> AllHandlers() =>
    [
        new IndexHandler(),
        new CreateHandler(),
        new JoinHandler(),
        new CallHandler("isMeetingRunning", MeetingCalls.IsMeetingRunning),
        new CallHandler("end", MeetingCalls.End),
        new CallHandler("getMeetingInfo", MeetingCalls.GetMeetingInfo),
        new GetMeetingsHandler(),
        new GetRecordingsHandler(),
        new CallHandler("publishRecordings", RecordingCalls.PublishRecordings),
        new CallHandler("deleteRecordings", RecordingCalls.DeleteRecordings),
        new GetStatsHandler(),
        new GetDefaultConfigXmlHandler(),
        new SetConfigXmlHandler(),
        new CallHandler("signOut", ClientCalls.SignOut),
        new CallHandler("enter", ClientCalls.Enter),
        new CallHandler("configXML", ClientCalls.ConfigXml),
        new CallHandler("stuns", ClientCalls.Stuns),
    ];

    /// <summary>The handler for a decoded request path, or null when Grails would answer 404.</summary>
    public ApiHandler? Resolve(string path, string method)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReadOnlySpan<char> name;
        if (path is ApiPath or ApiPath + "/")
        {
            name = "index";
        }
        else if (path.StartsWith(ApiPath + "/", StringComparison.Ordinal))
        {
            name = path.AsSpan(ApiPath.Length + 1);
            if (name.EndsWith(".xml", StringComparison.Ordinal))
            {
                name = name[..^4];
            }
        }
        else
        {
            return null;
        }

        return _byName.TryGetValue(name, out var handler) && Accepts(handler, method) ? handler : null;
    }

    /// <summary>Answers a request (404 when nothing routes). Exceptions propagate; the wiring turns them into
    /// an envelope.</summary>
    public ApiAnswer Route(string path, string method, string rawQuery, string? body = null)
    {
        var handler = Resolve(path, method);
        return handler is null ? ApiAnswer.NotFound(path) : handler.Handle(new ApiRequest(handler.Call, method, rawQuery, body), Context);
    }

    public static bool Accepts(ApiHandler handler, string method)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (handler.Methods.Count == 0)
        {
            return true;
        }

        foreach (var accepted in handler.Methods)
        {
            if (string.Equals(accepted, method, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
