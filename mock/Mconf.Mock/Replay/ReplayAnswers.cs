using System.Globalization;
using System.Text;
using Mconf.Mock.Api;
using Mconf.Mock.Xml;

namespace Mconf.Mock.Replay;

/// <summary>The answers record and replay give on their own (not recorded ones).</summary>
internal static class ReplayAnswers
{
    public const string NoRecordedAnswer = AnswerCatalog.NoRecordedAnswer;

    private static readonly CompositeFormat NotRecordedMessage = CompositeFormat.Parse(AnswerCatalog.OwnMessage(NoRecordedAnswer));

    public static ApiAnswer ChecksumError(ApiContext context, string call)
    {
        try
        {
            return context.Fail("checksumError", call);
        }
        catch (KeyNotFoundException)
        {
            return ApiAnswer.Xml(Envelope.Error("checksumError", "You did not pass the checksum security check"));
        }
    }

    public static ApiAnswer NotRecorded(string key, int recordedForCall) =>
        ApiAnswer.Xml(Envelope.Error(NoRecordedAnswer, string.Format(CultureInfo.InvariantCulture, NotRecordedMessage, key, recordedForCall)));
}
