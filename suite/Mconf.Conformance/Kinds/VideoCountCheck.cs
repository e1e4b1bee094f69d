using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Conformance.Scenarios;
using Mconf.Spec.Model;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>video-count</c>: getMeetings' videoCount of a meeting against its attendees in getMeetingInfo.
/// The wiki says "number of participants sharing video", Mconf-Live's code counts the streams: either reading
/// conforms (they differ only when someone shares two webcams), and the one the target follows, where it shows, is
/// reported as an observation. Judged on fresh reads (<see cref="Stable"/>).</summary>
internal sealed class VideoCountCheck : ICheck
{
    public const string CountsStreams = "videoCount counts webcam streams (Mconf-Live's code: a participant sharing two webcams counts twice)";
    public const string CountsSharers = "videoCount counts participants sharing video (the wiki's reading: a participant sharing two webcams counts once)";

    public string Kind => "video-count";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var readings = new HashSet<string>(StringComparer.Ordinal);
        await Stable.JudgeAsync(ctx, "videoCount against the video streams", async () =>
        {
            readings.Clear();
            var (list, attended) = await ObservedMeetings.ListedWithAttendeesAsync(ctx).ConfigureAwait(false);
            var found = new List<Disagreement>();
            foreach (var view in attended)
            {
                var videoCount = Expect.Element(list, view.ListEntry!, "videoCount", SpecType.Number);
                var attendees = view.Info.Xml!.Select("attendees/attendee").ToList();
                var streams = attendees.Sum(a => BbbResponse.Select(a, "videoStreams/streamName").Count()).ToString(CultureInfo.InvariantCulture);
                var sharers = attendees.Count(a => BbbResponse.Select(a, "videoStreams/streamName").Any()).ToString(CultureInfo.InvariantCulture);
                ctx.Witness(list, $"meeting {view.MeetingId}", $"videoCount {videoCount}; getMeetingInfo: {streams} stream(s), {sharers} attendee(s) sharing video");
                if (videoCount != streams && videoCount != sharers)
                {
                    found.Add(new(view.MeetingId,
                        $"videoCount of '{view.MeetingId}' in getMeetings to be {streams} (streamName elements of its attendees in getMeetingInfo)" +
                        (streams == sharers ? "" : $" or {sharers} (attendees sharing video)"), $"'{videoCount}'", list));
                }
                else if (streams != sharers)
                {
                    readings.Add(videoCount == streams ? CountsStreams : CountsSharers);
                }
            }

            return found;
        }).ConfigureAwait(false);
        foreach (var reading in readings)
        {
            ctx.Observe(reading);
        }
    }
}
