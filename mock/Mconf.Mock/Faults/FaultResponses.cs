using System.Text;
using Mconf.Mock.Api;
using Mconf.Mock.Wiring;
using Mconf.Mock.Xml;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Mconf.Mock.Faults;

/// <summary>Builds the answer of a fault that fired, one kind per case.</summary>
internal static class FaultResponses
{
    public static async Task<IResponseMessage> Create(Fault fault, string call, IRequestMessage req, Func<IRequestMessage, Task<IResponseMessage>> normal, AnswerCatalog answers)
    {
        var spec = fault.Spec;
        switch (spec.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(TimeSpan.FromMilliseconds(spec.DelayMs!.Value)).ConfigureAwait(false);
                return await normal(req).ConfigureAwait(false);
            case FaultKind.Status:
                var status = spec.Status ?? 503;
                return ResponseFactory.Create(new ApiAnswer(status, ContentTypeOf(spec.Body), spec.Body ?? ErrorPage(status), NoCache: false));
            case FaultKind.Drop:
                var dropped = ResponseFactory.Create(new ApiAnswer(200, null, null, NoCache: false));
                dropped.AddHeader(RequestScope.FaultHeader, "drop");
                return dropped;
            case FaultKind.Truncate:
                return Truncate(await normal(req).ConfigureAwait(false), spec.Bytes);
            case FaultKind.Malformed:
                var body = spec.Body ?? Break(BodyOf(await normal(req).ConfigureAwait(false)));
                return ResponseFactory.Create(ApiAnswer.Xml(body));
            case FaultKind.Failed:
            default:
                return ResponseFactory.Create(ApiAnswer.Xml(Envelope.Error(spec.MessageKey!, spec.Message ?? MessageFor(answers, spec.MessageKey!, call, fault.Id))));
        }
    }

    /// <summary>Tomcat's error page shape, what a proxy or a failing bbb-web gives.</summary>
    public static string ErrorPage(int status) =>
        $"<html><head><title>Apache Tomcat - Error report</title></head><body><h1>HTTP Status {status}</h1></body></html>";

    /// <summary>The answer with its first <c>&lt;/returncode&gt;</c> misspelt, so parsers fail early
    /// ("start tag does not match end tag"); a fixed broken document when there is no envelope.</summary>
    public static string Break(string? body) =>
        body is not null && body.Contains("</returncode>", StringComparison.Ordinal)
            ? body.Replace("</returncode>", "</returnCode>", StringComparison.Ordinal)
            : "<response><returncode>SUCCESS</returncode><meeting></response>";

    private static IResponseMessage Truncate(IResponseMessage answer, int? keep)
    {
        var bytes = BodyBytes(answer);
        var length = Math.Min(bytes.Length, keep ?? bytes.Length / 2);
        if (answer is ResponseMessage message)
        {
            message.BodyData = new BodyData { BodyAsBytes = bytes[..length], DetectedBodyType = BodyType.Bytes };
        }

        return answer;
    }

    private static byte[] BodyBytes(IResponseMessage answer) =>
        answer.BodyData?.BodyAsBytes ?? (answer.BodyData?.BodyAsString is { } text ? Encoding.UTF8.GetBytes(text) : []);

    private static string? BodyOf(IResponseMessage answer) =>
        answer.BodyData?.BodyAsString ?? (answer.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);

    private static string ContentTypeOf(string? body) =>
        body is null ? ApiAnswer.HtmlContentType
        : body.TrimStart().StartsWith("<response", StringComparison.Ordinal) ? ApiAnswer.XmlContentType
        : body.TrimStart().StartsWith('{') ? ApiAnswer.JsonContentType
        : ApiAnswer.HtmlContentType;

    private static string MessageFor(AnswerCatalog answers, string key, string call, string id)
    {
        try
        {
            return answers.Message(key, call);
        }
        catch (KeyNotFoundException)
        {
            return $"Failure injected by the fake (fault {id}).";
        }
    }
}
