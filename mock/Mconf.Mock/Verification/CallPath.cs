using Mconf.Mock.Api;

namespace Mconf.Mock.Verification;

/// <summary>The call a request path names, as bbb-web's Grails mappings read it: the API root is
/// <c>index</c>, <c>/api/&lt;call&gt;</c> and <c>/api/&lt;call&gt;.xml</c> name the call (case-sensitively).</summary>
internal static class CallPath
{
    /// <summary>Calls bbb-web serves without a checksum (specs/reference.md §2.5): the API root and the Flash client's
    /// session calls.</summary>
    public static readonly IReadOnlySet<string> NoChecksum = new HashSet<string>(StringComparer.Ordinal) { "index", "enter", "configXML", "signOut", "stuns" };

    /// <summary>The call name of a path (raw or decoded), or null when the path is not under <c>/bigbluebutton/api</c>.</summary>
    public static string? CallOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var decoded = Uri.UnescapeDataString(path);
        if (decoded is ApiRouter.ApiPath or ApiRouter.ApiPath + "/")
        {
            return "index";
        }

        if (!decoded.StartsWith(ApiRouter.ApiPath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = decoded[(ApiRouter.ApiPath.Length + 1)..];
        return name.EndsWith(".xml", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
