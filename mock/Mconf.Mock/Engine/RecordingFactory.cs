using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mconf.Mock.Engine;

/// <summary>Builds the recording a recorded session leaves behind (a presentation playback, Mconf sizes).
/// Sizes come from a generator seeded by the record ID, so they repeat run to run.</summary>
internal static class RecordingFactory
{
    public static Recording FromSession(MeetingDefinition meeting, MeetingStats session, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var random = new Random(Ids.LocalSeed(settings.Seed, "recording", session.RecordId));
        var size = random.NextInt64(1_000_000, 50_000_000);
        return new Recording(
            session.RecordId,
            meeting.MeetingId,
            meeting.Name,
            Published: true,
            session.StartTime,
            session.EndTime,
            size,
            RawSize: size * 3,
            meeting.Metadata,
            [Presentation(settings.ServerUrl, session.RecordId, session.StartTime, session.EndTime, size)],
            []);
    }

    public static PlaybackFormat Presentation(string serverUrl, string recordId, long start, long end, long size) =>
        new("presentation", $"{serverUrl}/playback/presentation/0.9.0/playback.html?meetingId={recordId}", LengthMinutes(start, end), size);

    public static DownloadFormat Download(string serverUrl, string recordId, long start, long end, long size, bool encrypted) =>
        new(
            encrypted ? "encrypted" : "mp4",
            $"{serverUrl}/download/{recordId}/{recordId}.{(encrypted ? "dat" : "mp4")}",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recordId + ":" + size.ToString(CultureInfo.InvariantCulture))).AsSpan(0, 16)),
            encrypted ? $"{serverUrl}/download/{recordId}/key.enc" : "",
            LengthMinutes(start, end),
            size);

    /// <summary><c>ceil((end − start) / 60000)</c> minutes.</summary>
    public static int LengthMinutes(long start, long end) => (int)Math.Max(0, (end - start + 59_999) / 60_000);
}
