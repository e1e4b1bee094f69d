using System.Xml;
using Mconf.Mock.Engine;
using Mconf.Mock.Xml;
using Mconf.Spec.Signing;

namespace Mconf.Mock.Api;

/// <summary>join (specs/reference.md §3.2, Mconf guest §6.2). The user is registered, not connected: attendees appear when
/// a client connects (the control surface) or at once with AutoConnect.</summary>
internal sealed class JoinHandler : ApiHandler
{
    public override string Call => "join";

    protected override ApiAnswer Answer(ApiRequest request, ApiContext context)
    {
        var fullName = ApiRequest.Present(request.Get("fullName"))!;
        var meetingId = request.MeetingId!;
        var password = request.Get("password")!;

        var result = context.State.Join(new JoinCommand(meetingId, fullName, password)
        {
            CreateTime = request.Get("createTime"),
            UserId = request.Get("userID"),
            Guest = context.Mconf && string.Equals(request.Get("guest"), "true", StringComparison.OrdinalIgnoreCase),
            AvatarUrl = request.Get("avatarURL"),
            ConfigToken = request.Get("configToken"),
            CustomData = UserData(request.Parameters),
        });
        switch (result.Outcome)
        {
            case JoinOutcome.MeetingNotFound: return context.Fail("invalidMeetingIdentifier", Call);
            case JoinOutcome.CreateTimeMismatch: return context.FailErrors("mismatchCreateTime", Call);
            case JoinOutcome.ForciblyEnded: return context.Fail("meetingForciblyEnded", Call);
            case JoinOutcome.InvalidPassword: return context.Fail("invalidPassword", Call);
            case JoinOutcome.NoConfigFound: return context.FailErrors("noConfigFound", Call);
            case JoinOutcome.Joined:
            default:
                break;
        }

        var redirect = request.Get("redirect");
        if (string.IsNullOrEmpty(redirect) || Java.ParseBoolean(redirect))
        {
            var clientUrl = request.Get("clientURL");
            return ApiAnswer.Redirect(string.IsNullOrEmpty(clientUrl) ? context.DefaultClientUrl : clientUrl);
        }

        return ApiAnswer.Xml(Envelope.End(Envelope.Begin(Envelope.Success)
            .Element("messageKey", "successfullyJoined")
            .Element("message", context.Answers.Message("successfullyJoined", Call))
            .Element("meeting_id", result.InternalMeetingId)
            .Element("user_id", result.InternalUserId)
            .Element("auth_token", result.AuthToken)));
    }

    /// <summary><c>userdata-&lt;key&gt;</c> parameters (exactly one dash) → customdata. Keys that are not XML
    /// names are dropped, since bbb-web would write a broken document for them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UserData(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in parameters)
        {
            if (!name.StartsWith("userdata-", StringComparison.Ordinal))
            {
                continue;
            }

            var key = name["userdata-".Length..];
            if (key.Length == 0 || key.Contains('-', StringComparison.Ordinal) || !IsNcName(key) || result.Exists(p => p.Key == key))
            {
                continue;
            }

            result.Add(new KeyValuePair<string, string>(key, value));
        }

        return result;
    }

    private static bool IsNcName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
