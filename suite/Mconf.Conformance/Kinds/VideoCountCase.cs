using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>video-count</c>: getMeetings' videoCount of a meeting equals the streamName elements across its
/// attendees in getMeetingInfo.</summary>
public sealed class VideoCountCase : ICaseKind
{
    public string Kind => "video-count";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        await Retry.OnceAsync(async () =>
        {
            var (list, attended) = await ObservedMeetings.ListedWithAttendeesAsync(ctx).ConfigureAwait(false);

            foreach (var view in attended)
            {
                var videoCount = Expect.Element(list, view.ListEntry!, "videoCount", SpecType.Number);
                var streams = view.Info.Xml!.Select("attendees/attendee/videoStreams/streamName").Count();
                Expect.Equal(streams.ToString(System.Globalization.CultureInfo.InvariantCulture), videoCount,
                    $"videoCount of '{view.MeetingId}' in getMeetings (the streamName elements of its attendees in getMeetingInfo)", list);
            }
        }).ConfigureAwait(false);
    }
}
