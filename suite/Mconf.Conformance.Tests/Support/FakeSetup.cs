using Mconf.Spec.Xml;

namespace Mconf.Conformance.Tests.Support;

/// <summary>Puts data on a fake directly (its API and control surface, not through the suite): meetings with
/// awkward IDs, recordings with given metadata, users with two webcams.</summary>
internal static class FakeSetup
{
    /// <summary>Creates <paramref name="meetingId"/> (record=true, the given meta_ values), joins and connects two
    /// users; with <paramref name="end"/> ends it, so its stats (and, once processed, its recording) exist.</summary>
    public static async Task<BbbResponse> MeetingAsync(FakeMconfServer fake, string meetingId, bool end, params (string Key, string Value)[] meta)
    {
        using var http = new HttpClient();
        var signer = new RequestSigner(fake.Secret);
        var endpoint = ApiEndpoint.Parse(fake.BaseUrl);
        var create = new List<KeyValuePair<string, string?>>
        {
            new("meetingID", meetingId), new("name", "setup"), new("attendeePW", "ap"), new("moderatorPW", "mp"), new("record", "true"),
        };
        create.AddRange(meta.Select(m => new KeyValuePair<string, string?>("meta_" + m.Key, m.Value)));
        var created = BbbResponse.Parse(await http.GetStringAsync(signer.Url(endpoint, "create", create)));
        created.IsSuccess.ShouldBeTrue();
        foreach (var (user, password) in new[] { ("setup-moderator", "mp"), ("setup-viewer", "ap") })
        {
            await http.GetStringAsync(signer.Url(endpoint, "join",
                [new("fullName", user), new("meetingID", meetingId), new("password", password), new("userID", user), new("redirect", "false")]));
            fake.Control.Connect(meetingId, user);
        }

        if (end)
        {
            fake.Control.EndMeeting(meetingId);
            fake.Control.ProcessRecordings();
        }

        return created;
    }
}
