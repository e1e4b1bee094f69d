using System.Collections.Concurrent;
using System.Globalization;
using Mconf.Conformance.Presence;

namespace Mconf.Conformance.Power;

/// <summary>suite/drivers/fake-driver.sh in process: the same requests to the same control surface (the join URL,
/// then <c>/fake/meetings/{id}/users/{user}/...</c> next to the API, through whatever the join URL points at), the
/// same tolerated statuses (409 on accept-guest, 404 on leave), the same actions, including the generic
/// <c>connect</c>. The power harness uses it so that a run does not start some 300 shell and curl processes (most of
/// a certification run's CPU on the 2-core CI machine); <see cref="PowerHarness.ScriptDriver"/> runs the script
/// itself. <c>DriverActionsTests</c> keeps the two action lists equal.</summary>
public sealed class InProcessFakeDriver : IPresenceActor
{
    /// <summary>The actions fake-driver.sh takes (its <c>case "$action"</c> branches).</summary>
    public static readonly IReadOnlyList<string> Actions =
        ["join-moderator-voice", "join-viewer-listen-only", "share-webcam", "share-second-webcam", "make-presenter", "join-guest", "accept-guest", "connect", "meeting-ended"];

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _connected = new(StringComparer.Ordinal);

    public bool ConnectsClients => true;

    public async Task<string?> PerformAsync(PresenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = request.JoinUrl.IndexOf("/bigbluebutton", StringComparison.Ordinal);
        var control = (at < 0 ? request.JoinUrl : request.JoinUrl[..at]) + "/fake";
        var user = $"/meetings/{request.MeetingId}/users/{request.UserId}";
        try
        {
            switch (request.Action)
            {
                case "join-moderator-voice":
                    return await JoinAsync(request, control, user, cancellationToken).ConfigureAwait(false)
                        ?? await PostAsync(control, user + "/voice?on=true", null, cancellationToken).ConfigureAwait(false);
                case "join-viewer-listen-only":
                    return await JoinAsync(request, control, user, cancellationToken).ConfigureAwait(false)
                        ?? await PostAsync(control, user + "/listen-only?on=true", null, cancellationToken).ConfigureAwait(false);
                case "share-webcam" or "share-second-webcam":
                    return await PostAsync(control, user + "/webcam", null, cancellationToken).ConfigureAwait(false);
                case "make-presenter":
                    return await PostAsync(control, user + "/presenter", null, cancellationToken).ConfigureAwait(false);
                case "join-guest" or "connect":
                    return await JoinAsync(request, control, user, cancellationToken).ConfigureAwait(false);
                case "accept-guest":
                    return await PostAsync(control, user + "/guest/approve", 409, cancellationToken).ConfigureAwait(false);
                case "meeting-ended":
                    if (_connected.TryRemove(request.MeetingId, out var users))
                    {
                        foreach (var connected in users.Keys.Order(StringComparer.Ordinal))
                        {
                            if (await PostAsync(control, $"/meetings/{request.MeetingId}/users/{connected}/leave", 404, cancellationToken).ConfigureAwait(false) is { } failed)
                            {
                                return failed;
                            }
                        }
                    }

                    return await PostAsync(control, "/recordings/process", null, cancellationToken).ConfigureAwait(false);
                default:
                    return $"fake-driver: unknown action '{request.Action}'";
            }
        }
        catch (HttpRequestException ex)
        {
            return $"fake-driver: {ex.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "fake-driver: no answer within 10 s";
        }
    }

    private async Task<string?> JoinAsync(PresenceRequest request, string control, string user, CancellationToken cancellationToken)
    {
        // The join request registers the user (a browser would follow the redirect into the client) ...
        using (var join = await Http.GetAsync(new Uri(request.JoinUrl), cancellationToken).ConfigureAwait(false))
        {
            _ = join.StatusCode;
        }

        // ... and the client connecting makes the user an attendee.
        if (await PostAsync(control, user + "/connect", null, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        _connected.GetOrAdd(request.MeetingId, _ => new(StringComparer.Ordinal))[request.UserId] = true;
        return null;
    }

    private static async Task<string?> PostAsync(string control, string path, int? tolerated, CancellationToken cancellationToken)
    {
        using var answer = await Http.PostAsync(new Uri(control + path), null, cancellationToken).ConfigureAwait(false);
        var status = (int)answer.StatusCode;
        return status == tolerated || status is >= 200 and < 300
            ? null
            : $"fake-driver: POST {path} answered {status.ToString(CultureInfo.InvariantCulture)}";
    }
}
