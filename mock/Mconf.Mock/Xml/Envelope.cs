namespace Mconf.Mock.Xml;

/// <summary>The <c>&lt;response&gt;</c> envelopes every call shares (specs/reference.md §1, §4).</summary>
internal static class Envelope
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";

    /// <summary>A writer positioned inside <c>&lt;response&gt;</c> after <c>&lt;returncode&gt;</c>.</summary>
    public static BbbXmlWriter Begin(string returnCode, int capacity = 256) =>
        new BbbXmlWriter(capacity).Open("response").Element("returncode", returnCode);

    public static string End(BbbXmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.Close("response").ToString();
    }

    /// <summary><c>returncode, messageKey, message</c>: the normal error shape (also used for SUCCESS answers
    /// that carry only a key, such as sentEndMeetingRequest).</summary>
    public static string Keyed(string returnCode, string messageKey, string message) =>
        End(Begin(returnCode).Element("messageKey", messageKey).Element("message", message));

    public static string Error(string messageKey, string message) => Keyed(Failed, messageKey, message);

    /// <summary>The second error shape: <c>&lt;errors&gt;&lt;error key='K' message='M'/&gt;&lt;/errors&gt;</c>,
    /// no top-level messageKey.</summary>
    public static string Errors(string key, string message) =>
        End(Begin(Failed).Open("errors").EmptyWithAttributes("error", ("key", key), ("message", message)).Close("errors"));
}
