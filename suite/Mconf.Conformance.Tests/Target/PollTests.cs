using Mconf.Conformance.Target;
using Microsoft.Extensions.Time.Testing;

namespace Mconf.Conformance.Tests.Target;

/// <summary><see cref="Poll"/> on a test clock: the pauses wait for the clock, so each test advances it.</summary>
public sealed class PollTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>A test clock that tells when a pause starts, so the test advances it only while the poll waits.</summary>
    private sealed class Clock : FakeTimeProvider
    {
        public SemaphoreSlim Pauses { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Pauses.Release();
            return timer;
        }
    }

    /// <summary>Advances the clock one interval per pause until the poll ends; bounded, so a poll that never ends fails the test.</summary>
    private static async Task<Polled<int>> DriveAsync(Clock time, Task<Polled<int>> poll)
    {
        for (var i = 0; i < 1000 && !poll.IsCompleted; i++)
        {
            var paused = time.Pauses.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.WhenAny(poll, paused);
            if (poll.IsCompleted)
            {
                break;
            }

            (await paused).ShouldBeTrue("the poll pauses or ends");
            time.Advance(Interval);
        }

        poll.IsCompleted.ShouldBeTrue("the poll ended");
        return await poll;
    }

    private static Func<CancellationToken, Task<int>> Counter(Func<int>? onCall = null)
    {
        var n = 0;
        return _ =>
        {
            onCall?.Invoke();
            return Task.FromResult(++n);
        };
    }

    [Test]
    public async Task HoldsAtOnce_OneAttempt_NoPause()
    {
        var time = new Clock();
        var poll = Poll.UntilAsync(Counter(), v => v >= 1, PollLimits.For(TimeSpan.FromSeconds(10), Interval), time, CancellationToken.None);
        poll.IsCompleted.ShouldBeTrue("no pause before the first attempt, none after one that held");
        var polled = await poll;
        polled.ShouldBe(new Polled<int>(1, true, 1));
    }

    [Test]
    public async Task HoldsAfterSome_StopsThere_WithThatObservation()
    {
        var time = new Clock();
        var started = time.GetTimestamp();
        var polled = await DriveAsync(time, Poll.UntilAsync(Counter(), v => v == 4, PollLimits.For(TimeSpan.FromSeconds(10), Interval), time, CancellationToken.None));
        polled.ShouldBe(new Polled<int>(4, true, 4));
        time.GetElapsedTime(started).ShouldBe(TimeSpan.FromSeconds(3), "three pauses between four attempts");
    }

    [Test]
    public async Task NeverHolds_Deadline_StopsWithTheLastObservation()
    {
        var time = new Clock();
        var polled = await DriveAsync(time, Poll.UntilAsync(Counter(), _ => false, PollLimits.For(TimeSpan.FromSeconds(5), Interval), time, CancellationToken.None));
        polled.Held.ShouldBeFalse();
        // Attempts at 0, 1, ..., 5 s: the one at the deadline is the last.
        polled.Attempts.ShouldBe(6);
        polled.Last.ShouldBe(6);
    }

    [Test]
    public async Task NeverHolds_Times_MakesExactlyThatManyAttempts()
    {
        var time = new Clock();
        var calls = 0;
        var polled = await DriveAsync(time, Poll.UntilAsync(Counter(() => calls++), _ => false, PollLimits.Times(3, Interval), time, CancellationToken.None));
        polled.ShouldBe(new Polled<int>(3, false, 3));
        calls.ShouldBe(3);
    }

    [Test]
    public async Task Times_One_NeverPauses()
    {
        var time = new Clock();
        var poll = Poll.UntilAsync(Counter(), _ => false, PollLimits.Times(1, Interval), time, CancellationToken.None);
        poll.IsCompleted.ShouldBeTrue("one attempt and no pause after the last");
        (await poll).ShouldBe(new Polled<int>(1, false, 1));
    }

    [Test]
    public async Task Cancelled_DuringAPause_EndsWithoutAnotherAttempt()
    {
        var time = new Clock();
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var poll = Poll.UntilAsync(Counter(() => calls++), _ => false, PollLimits.For(TimeSpan.FromHours(1), Interval), time, cancel.Token);
        poll.IsCompleted.ShouldBeFalse("pausing after the first attempt");
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => poll);
        calls.ShouldBe(1);
    }

    [Test]
    public async Task CancelledBefore_NoAttempt()
    {
        var time = new Clock();
        var calls = 0;
        await Should.ThrowAsync<OperationCanceledException>(() =>
            Poll.UntilAsync(Counter(() => calls++), _ => true, PollLimits.Times(3, Interval), time, new CancellationToken(canceled: true)));
        calls.ShouldBe(0);
    }

    [Test]
    public void Limits_RejectNoAttemptOrNegativeTimes()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PollLimits.Times(0, Interval));
        Should.Throw<ArgumentOutOfRangeException>(() => PollLimits.For(TimeSpan.FromSeconds(-1), Interval));
        Should.Throw<ArgumentOutOfRangeException>(() => PollLimits.For(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1)));
    }
}
