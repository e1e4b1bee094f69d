using System.Net;
using Mconf.Spec.Signing;
using Mconf.Spec.Xml;

namespace Mconf.Mock.Tests.Support;

/// <summary>A started fake plus a client that signs calls the way the suite does (HTTP only).</summary>
internal sealed class FakeApi : IDisposable
{
    private FakeApi(FakeMconfServer server, List<string> logged)
    {
        Server = server;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        Signer = new RequestSigner(server.Secret);
        Logged = logged;
    }

    public FakeMconfServer Server { get; }

    public HttpClient Http { get; }

    public RequestSigner Signer { get; }

    /// <summary>What the fake logged (handler failures); tests expect it to stay empty.</summary>
    public List<string> Logged { get; }

    public string Root => Server.BaseUrl[..^"/bigbluebutton".Length];

    public static FakeApi Start(Action<FakeServerOptions>? configure = null)
    {
        var options = new FakeServerOptions { AutoConnect = true };
        configure?.Invoke(options);
        var logged = new List<string>();
        options.Log = message =>
        {
            lock (logged)
            {
                logged.Add(message);
            }
        };
        return new FakeApi(FakeMconfServer.Start(options), logged);
    }

    public static string Unique(string prefix = "m") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static KeyValuePair<string, string?>[] P(params (string Name, string? Value)[] parameters) =>
        [.. parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))];

    public string SignedQuery(string call, params (string Name, string? Value)[] parameters) => Signer.SignedQuery(call, P(parameters));

    public Uri Url(string call, string rawQuery) => new(Server.ApiUrl + call + (rawQuery.Length == 0 ? "" : "?" + rawQuery));

    public async Task<HttpResponseMessage> Send(string call, string rawQuery, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, Url(call, rawQuery));
        return await Http.SendAsync(request).ConfigureAwait(false);
    }

    public async Task<string> Text(string call, string rawQuery, HttpMethod? method = null)
    {
        using var response = await Send(call, rawQuery, method).ConfigureAwait(false);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{call}?{rawQuery}");
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>A signed GET parsed as a BBB envelope.</summary>
    public async Task<BbbResponse> Call(string call, params (string Name, string? Value)[] parameters) =>
        BbbResponse.Parse(await Text(call, SignedQuery(call, parameters)).ConfigureAwait(false));

    public async Task<BbbResponse> CallRaw(string call, string rawQuery, HttpMethod? method = null) =>
        BbbResponse.Parse(await Text(call, rawQuery, method).ConfigureAwait(false));

    /// <summary>Creates a meeting with known passwords; returns its ID.</summary>
    public async Task<string> Create(string? meetingId = null, params (string Name, string? Value)[] extra)
    {
        var id = meetingId ?? Unique();
        var response = await Call("create", [("meetingID", id), ("name", "Test " + id), ("attendeePW", "ap"), ("moderatorPW", "mp"), .. extra]).ConfigureAwait(false);
        response.ReturnCode.ShouldBe("SUCCESS", response.ToString());
        return id;
    }

    /// <summary>join with redirect=false; returns the internal user ID.</summary>
    public async Task<string> Join(string meetingId, string fullName, string password = "ap", params (string Name, string? Value)[] extra)
    {
        var response = await Call("join", [("fullName", fullName), ("meetingID", meetingId), ("password", password), ("redirect", "false"), .. extra]).ConfigureAwait(false);
        response.MessageKey.ShouldBe("successfullyJoined", response.ToString());
        return response.Value("user_id")!;
    }

    public Task<BbbResponse> Info(string meetingId) => Call("getMeetingInfo", ("meetingID", meetingId));

    public void Dispose()
    {
        Http.Dispose();
        Server.Dispose();
    }
}
