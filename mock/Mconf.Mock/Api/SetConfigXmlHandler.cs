using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>setConfigXML (specs/reference.md §3.11, §2.4): POST with a form body; its checksum is computed over the
/// parameters sorted by name and re-encoded the URLEncoder way, not over the raw query.</summary>
internal sealed class SetConfigXmlHandler : ApiHandler
{
    public const string CannotDecode = "Cannot decode config XML";

    public override string Call => "setConfigXML";

    public override IReadOnlyList<string> Methods { get; } = ["POST"];

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        var parameters = request.Parameters.Concat(QueryString.Parse(request.Body ?? "")).ToList();
        string? Get(string name) => parameters.FirstOrDefault(p => p.Key == name).Value;

        var checksum = Get("checksum");
        if (string.IsNullOrEmpty(checksum) && context.Secret.Length > 0)
        {
            return context.Fail("checksumError", Call);
        }

        var configXml = Get("configXML");
        if (string.IsNullOrEmpty(configXml))
        {
            return context.Fail("configXMLError", Call);
        }

        var meetingId = ApiRequest.Present(Get("meetingID"));
        if (meetingId is null)
        {
            return context.Fail("missingParamMeetingID", Call);
        }

        if (context.State.GetMeeting(meetingId) is null)
        {
            return context.Fail("invalidMeetingIdentifier", Call);
        }

        if (!IsDecodable(configXml))
        {
            return ApiAnswer.Xml(Envelope.Error("configXMLError", CannotDecode));
        }

        if (context.Secret.Length > 0 && !PostChecksumMatches(parameters, checksum!, context))
        {
            return context.Fail("configXMLChecksumError", Call);
        }

        var token = context.State.StoreConfig(meetingId, QueryString.Decode(configXml));
        return token is null
            ? context.Fail("invalidMeetingIdentifier", Call)
            : ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success).Element("configToken", token)));
    }

    /// <summary>Base string: call name + <c>name=URLEncoder(value)</c> joined by <c>&amp;</c> in ASCII order of
    /// names, checksum left out, + secret.</summary>
    public static string PostBaseString(string call, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var pairs = parameters
            .Where(p => p.Key != "checksum")
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + QueryString.Encode(p.Value, SpaceStyle.Plus));
        return call + string.Join('&', pairs) + secret;
    }

    private bool PostChecksumMatches(IReadOnlyList<KeyValuePair<string, string>> parameters, string checksum, ApiContext context)
    {
        // The base string is call + sorted, re-encoded pairs + secret: Checksum.Compute's shape with an empty query.
        var baseString = PostBaseString(Call, parameters, context.Secret);
        return context.Algorithms.Any(algorithm => checksum.Length == algorithm.HexLength()
            && string.Equals(Checksum.Compute(baseString, "", "", algorithm), checksum, StringComparison.Ordinal));
    }

    /// <summary>Java's URLDecoder throws on a <c>%</c> not followed by two hex digits.</summary>
    private static bool IsDecodable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2])))
            {
                return false;
            }
        }

        return true;
    }
}
