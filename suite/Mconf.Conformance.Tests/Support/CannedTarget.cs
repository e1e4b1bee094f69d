using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Mconf.Conformance.Tests.Support;

/// <summary>A target made of canned answers, served through an HttpMessageHandler (no socket): call name → answer
/// for a raw query. Unlisted calls answer an HTML 404. Requests are recorded.</summary>
internal sealed class CannedTarget : HttpMessageHandler
{
    public const string Secret = "canned-secret-0123";
    public const string BaseUrl = "http://canned.test/bigbluebutton";

    public const string Root = "<response><returncode>SUCCESS</returncode><version>0.9</version></response>";
    public const string NoMeetings = "<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey><message>no meetings were found on this server</message></response>";

    public Dictionary<string, Func<string, (int Status, string Body)>> Answers { get; } = new(StringComparer.Ordinal)
    {
        [""] = _ => (200, Root),
        ["getMeetings"] = _ => (200, NoMeetings),
    };

    public ConcurrentQueue<string> Requests { get; } = new();

    public CannedTarget Answer(string call, string body, int status = 200)
    {
        Answers[call] = _ => (status, body);
        return this;
    }

    public CannedTarget Answer(string call, Func<string, (int, string)> answer)
    {
        Answers[call] = answer;
        return this;
    }

    public static RunOptions Options(CaseTier tier = CaseTier.Lifecycle) => new()
    {
        TargetUrl = BaseUrl,
        Secret = Secret,
        RunId = "unit",
        Tier = tier,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public static string Failed(string key, string message = "m") =>
        $"<response><returncode>FAILED</returncode><messageKey>{key}</messageKey><message>{message}</message></response>";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var call = MutatingProxy.CallName(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        Requests.Enqueue(call + "?" + query);
        (int Status, string Body) answer;
        if (!Answers.TryGetValue(call, out var responder))
        {
            answer = (404, "<html>Not Found</html>");
        }
        else if (call.Length > 0 && !ServerChecksum.Verify(call, query, Secret, [ChecksumAlgorithm.Sha1]).IsValid)
        {
            answer = (200, Failed("checksumError", "You did not pass the checksum security check"));
        }
        else
        {
            answer = responder(query);
        }

        var type = answer.Body.StartsWith("<html", StringComparison.Ordinal) ? "text/html" : "text/xml";
        return Task.FromResult(new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            Content = new StringContent(answer.Body, Encoding.UTF8, type),
        });
    }
}
