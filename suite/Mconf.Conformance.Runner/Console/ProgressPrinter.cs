using System.Globalization;
using Mconf.Conformance.Model;
using Mconf.Conformance.Runner.Reports;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Runner.Console;

/// <summary>Streams one line per completed case (count, verdict, ID, duration; for non-passes, the finding: the
/// first line of the message, the reports have the rest), redacted. Safe to call from the engine's parallel workers.</summary>
public sealed class ProgressPrinter(TextWriter output, string? secret, int expected)
{
    /// <summary>Messages are cut to this length on the console; the reports have them whole.</summary>
    public const int MaxMessageChars = 160;

    private readonly Lock _lock = new();
    private int _done;

    public int Printed
    {
        get
        {
            lock (_lock)
            {
                return _done;
            }
        }
    }

    public void Print(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = Format(result);
        lock (_lock)
        {
            _done++;
            var width = Math.Max(expected, _done).ToString(CultureInfo.InvariantCulture).Length;
            var total = expected >= _done ? "/" + expected.ToString(CultureInfo.InvariantCulture) : "";
            output.WriteLine($"[{_done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}{total}] {line}");
            output.Flush();
        }
    }

    private string Format(CaseResult result)
    {
        var label = result.Verdict switch
        {
            Verdict.Passed => "pass ",
            Verdict.Failed => "FAIL ",
            Verdict.Inconclusive => "incon",
            Verdict.Skipped => "skip ",
            Verdict.KnownFailing => "known",
            _ => VerdictNames.Of(result.Verdict),
        };
        var text = $"{label} {result.Case.Id} ({result.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)";
        if (result.Verdict != Verdict.Passed && result.Message.Length > 0)
        {
            // Redact before cutting, so a cut cannot leave half a secret behind.
            var message = Redactor.Redact(Judgement.Finding(result.Message, result.Case.Id), secret);
            text += ": " + (message.Length <= MaxMessageChars ? message : message[..MaxMessageChars] + "…");
        }

        return Redactor.Redact(text, secret);
    }
}
