using Mconf.Mock.Api;
using Mconf.Mock.Xml;

namespace Mconf.Mock.Replay;

/// <summary>The answers record and replay give on their own (not recorded ones).</summary>
internal static class ReplayAnswers
{
    public const string NoRecordedAnswer = "noRecordedAnswer";

    public static ApiResult ChecksumError(ApiContext context, string call)
    {
        try
        {
            return context.Fail("checksumError", call);
        }
        catch (KeyNotFoundException)
        {
            return ApiResult.Xml(Envelope.Error("checksumError", "You did not pass the checksum security check"));
        }
    }

    public static ApiResult NotRecorded(string key, int recordedForCall) =>
        ApiResult.Xml(Envelope.Error(NoRecordedAnswer,
            $"No recorded answer for {key} ({recordedForCall} recorded for this call; replay matches the call and all its parameters except checksum)."));
}
