namespace Mconf.Conformance.Target;

/// <summary>Judges from the answers seen whether the target shows the Mconf-Live deltas (create's voiceBridge,
/// getMeetingInfo's internalMeetingID, getMeetings' participantCount, a getStats call) or answers plain 0.9.</summary>
internal sealed class FlavourSniffer
{
    public const string MconfLive = "mconf-live";
    public const string Bbb09 = "bbb-0.9";
    public const string Unknown = "unknown";

    private int _mconf;
    private int _bbb;

    public string Flavour => Volatile.Read(ref _mconf) > 0 ? MconfLive : Volatile.Read(ref _bbb) > 0 ? Bbb09 : Unknown;

    public void Observe(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var xml = answer.Xml;
        switch (answer.Call)
        {
            case "create" when xml?.IsSuccess == true:
                Count(xml.Has("voiceBridge"));
                break;
            case "getMeetingInfo" when xml?.IsSuccess == true:
                Count(xml.Has("internalMeetingID"));
                break;
            case "getMeetings" when xml?.IsSuccess == true && xml.Has("meetings/meeting"):
                Count(xml.Has("meetings/meeting/participantCount"));
                break;
            case "getStats" when xml?.IsSuccess == true:
                Count(true);
                break;
            case "getStats" when answer.Status == 404:
                Count(false);
                break;
        }
    }

    private void Count(bool mconf)
    {
        if (mconf)
        {
            Interlocked.Increment(ref _mconf);
        }
        else
        {
            Interlocked.Increment(ref _bbb);
        }
    }
}
