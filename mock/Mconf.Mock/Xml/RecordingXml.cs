using Mconf.Mock.Engine;

namespace Mconf.Mock.Xml;

/// <summary>getRecordings' <c>&lt;recording&gt;</c>: BBB 0.9 elements, plus Mconf's size, rawSize, playback
/// size and download block when <c>mconf</c> (specs/reference.md §3.7). name and metadata values are CDATA.</summary>
internal static class RecordingXml
{
    public static void Write(BbbXmlWriter w, Recording r, bool mconf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.Open("recording")
            .Element("recordID", r.RecordId)
            .Element("meetingID", r.MeetingId)
            .Cdata("name", r.Name)
            .Element("published", r.Published)
            .Element("startTime", r.StartTime)
            .Element("endTime", r.EndTime);
        if (mconf)
        {
            w.Element("size", r.Size).Element("rawSize", r.RawSize);
        }

        w.Open("metadata");
        foreach (var entry in r.Metadata)
        {
            w.Cdata(entry.Key, entry.Value);
        }

        w.Close("metadata").Open("playback");
        foreach (var f in r.Playback)
        {
            w.Open("format").Element("type", f.Type).Element("url", f.Url).Element("length", f.Length);
            if (mconf)
            {
                w.Element("size", f.Size);
            }

            w.Close("format");
        }

        w.Close("playback");
        if (mconf && r.Download.Count > 0)
        {
            w.Open("download");
            foreach (var f in r.Download)
            {
                w.Open("format")
                    .Element("type", f.Type)
                    .Element("url", f.Url)
                    .Element("md5", f.Md5)
                    .Element("key", f.Key)
                    .Element("length", f.Length)
                    .Element("size", f.Size)
                    .Close("format");
            }

            w.Close("download");
        }

        w.Close("recording");
    }
}
