namespace Mconf.Mock.Engine;

/// <summary>A recording as getRecordings lists it. <see cref="Metadata"/> excludes meetingId/meetingName, which
/// are the separate <see cref="MeetingId"/> and <see cref="Name"/>.</summary>
internal sealed record Recording(
    string RecordId,
    string MeetingId,
    string Name,
    bool Published,
    long StartTime,
    long EndTime,
    long Size,
    long RawSize,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<PlaybackFormat> Playback,
    IReadOnlyList<DownloadFormat> Download);

/// <summary>A playback format: <c>length</c> in minutes (rounded up), <c>size</c> in bytes (Mconf).</summary>
internal sealed record PlaybackFormat(string Type, string Url, int Length, long Size);

/// <summary>A downloadable file of a recording (Mconf's <c>download</c> block).</summary>
internal sealed record DownloadFormat(string Type, string Url, string Md5, string Key, int Length, long Size);
