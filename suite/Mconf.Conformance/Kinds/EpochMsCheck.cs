using System.Globalization;
using Mconf.Conformance.Checks;
using Mconf.Spec.Xml;

namespace Mconf.Conformance.Kinds;

/// <summary>Kind <c>epoch-ms</c>: a timestamp is epoch milliseconds on the SERVER's clock (<see cref="ServerClock"/>).
/// For create's createTime the clock reading itself is the verdict. For any other <c>path</c> of <c>call</c>, every
/// observed value must lie between <see cref="MaxAge"/> before and <see cref="Ahead"/> after the server's now: a
/// value in seconds reads as 1970, one in microseconds lies far in the future, whatever the offset of the server's
/// clock. <c>zero</c>: <c>never</c> (default), <c>unset</c> (0 is a time not set yet), <c>until-ended</c> (0 exactly
/// while the record's hasBeenForciblyEnded is false). Inconclusive when nothing non-trivial was judged.</summary>
internal sealed class EpochMsCheck : ICheck
{
    /// <summary>The oldest time a server keeps (recordings of past years); a value in seconds is ~55 years old.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(20 * 366);

    /// <summary>How far past the server's now a time may be (answers are read a little after the clock reading).</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(10);

    public string Kind => "epoch-ms";

    public async Task RunAsync(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var c = ctx.RequireCase();
        var call = c.Arg("call");
        var path = c.Arg("path");
        var zero = c.OptionalArg("zero") ?? "never";
        var clock = await ServerClock.ReadAsync(ctx).ConfigureAwait(false);
        if (call == "create")
        {
            if (clock.Problem is not null)
            {
                throw new CaseFailure("createTime in epoch milliseconds of the server's clock", clock.Problem, clock.Second.Create);
            }

            ctx.Witness(clock.First.Create, "meeting " + clock.First.Id, $"createTime={Text(clock.FirstCreateTime)}");
            ctx.Witness(clock.Second.Create, "meeting " + clock.Second.Id,
                $"createTime={Text(clock.SecondCreateTime)} ({Text(clock.SecondCreateTime - clock.FirstCreateTime)} ms later; {Text(clock.MinGapMs)}–{Text(clock.MaxGapMs)} ms on the client)");
            return;
        }

        if (clock.Problem is not null)
        {
            throw new CaseInconclusive($"the server's clock could not be read from its createTimes ({clock.Problem}; create/response/createTime#epoch-ms says so)");
        }

        var answers = await MeaningRecords.AnswersAsync(ctx, call).ConfigureAwait(false);

        var now = clock.Now(ctx);
        var earliest = now - (long)MaxAge.TotalMilliseconds;
        var latest = now + (long)Ahead.TotalMilliseconds;
        var judged = 0;
        foreach (var (answer, label) in answers)
        {
            var root = Expect.Success(answer).Root;
            foreach (var element in BbbResponse.Select(root, path))
            {
                var record = new MeaningRecord(answer, element.Parent ?? root, Label(element, label));
                var value = MeaningRecords.Integer(record, element, path);
                var ended = BbbResponse.Value(element.Parent ?? root, "hasBeenForciblyEnded") == "true";
                if (value == 0 && (zero == "unset" || (zero == "until-ended" && ended)))
                {
                    continue;
                }

                if (zero == "until-ended" && !ended)
                {
                    Expect.True(value == 0, $"<{path}> of {MeaningRecords.Where(record)} to be 0 (the meeting has not ended)", Text(value), answer);
                }
                else if (value < earliest || value > latest)
                {
                    throw new CaseFailure(
                        $"<{path}> of {MeaningRecords.Where(record)} in epoch milliseconds of the server's clock: between {Text(earliest)} and {Text(latest)} (the server's now {Text(now)}, from its createTime)",
                        $"{Text(value)} ({Reading(value, now)})", answer);
                }

                if (judged++ < MeaningRecords.MaxWitnesses)
                {
                    ctx.Witness(answer, record.Label, $"{path}={Text(value)} (server now {Text(now)})");
                }
            }
        }

        if (judged == 0)
        {
            throw new CaseInconclusive($"no {(zero == "never" ? "" : "non-zero ")}<{path}> in any {call} answer the suite could observe");
        }
    }

    private static string Label(System.Xml.Linq.XElement element, string label)
    {
        var parent = element.Parent;
        return parent is null || parent.Parent is null ? label : MeaningRecords.Label(parent, parent.Name.LocalName, 0);
    }

    /// <summary>What a wrong value most likely is, for the failure message.</summary>
    private static string Reading(long value, long now) =>
        value < now / 100 ? "seconds, or not an epoch time" : value > now * 100 ? "finer than milliseconds" : "far from the server's now";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
