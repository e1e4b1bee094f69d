using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;
using Microsoft.Extensions.Time.Testing;

namespace Mconf.Conformance.Tests.Target;

/// <summary>The live-meeting slots of <see cref="MeetingLedger"/>, the kit's meeting IDs (<see cref="KitMeetings"/>)
/// and the request meter, without a target.</summary>
public sealed class FootprintUnitTests
{
    private static MeetingLedger Ledger(int bound, TimeSpan? slotWait = null) =>
        new("mconf-conformance", "20261204-120000-abcd", new RandomSource(1), bound, TimeProvider.System, slotWait);

    [Test]
    [CancelAfter(30_000)]
    public async Task Slots_ManyCasesAtOnce_NeverExceedTheBound()
    {
        var ledger = Ledger(5);
        var live = 0;
        var max = 0;
        var ids = Enumerable.Range(0, 40).Select(_ => ledger.NewId("case")).ToList();
        await Parallel.ForAsync(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, token) =>
        {
            await ledger.AcquireAsync(ids[i], new object(), fixture: false, token);
            InterlockedMax(ref max, Interlocked.Increment(ref live));
            await Task.Delay(5, token);
            Interlocked.Decrement(ref live);
            ledger.Settle(ids[i], gone: true);
        });

        max.ShouldBeLessThanOrEqualTo(5 - MeetingLedger.FixtureReserve, "cases leave the fixture reserve free");
        ledger.MaxLive.ShouldBeLessThanOrEqualTo(5);
        ledger.MeetingsCreated.ShouldBe(40);
        ledger.Live.ShouldBe(0);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Slots_AFixtureGetsItsReserve_WhileCasesFillTheirShare()
    {
        var ledger = Ledger(3);
        var first = ledger.NewId("echo");
        await ledger.AcquireAsync(first, new object(), fixture: false, CancellationToken.None);
        var second = ledger.AcquireAsync(ledger.NewId("echo"), new object(), fixture: false, CancellationToken.None);
        second.IsCompleted.ShouldBeFalse("the cases' share of a bound of 3 is one meeting");

        // A case holding its meeting waits for the shared meeting: the fixture must not wait behind the cases.
        await ledger.AcquireAsync(ledger.NewId("shared"), new object(), fixture: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await ledger.AcquireAsync(ledger.NewId("end"), new object(), fixture: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        ledger.Live.ShouldBe(3);
        second.IsCompleted.ShouldBeFalse();

        ledger.Settle(first, gone: true);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        ledger.MaxLive.ShouldBe(3);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Slots_CasesThatEachHoldOneAndWaitForMore_AreMadeInconclusiveInsteadOfDeadlocking()
    {
        var ledger = Ledger(4); // two slots for cases
        var a = new object();
        var b = new object();
        var bId = ledger.NewId("b");
        await ledger.AcquireAsync(ledger.NewId("a"), a, fixture: false, CancellationToken.None);
        await ledger.AcquireAsync(bId, b, fixture: false, CancellationToken.None);
        var aWaits = ledger.AcquireAsync(ledger.NewId("a2"), a, fixture: false, CancellationToken.None);
        aWaits.IsCompleted.ShouldBeFalse();

        var bWaits = Should.ThrowAsync<CaseInconclusive>(() => ledger.AcquireAsync(ledger.NewId("b2"), b, fixture: false, CancellationToken.None));
        (await bWaits).Reason.ShouldContain("--max-live-meetings 4");

        ledger.Settle(bId, gone: true);
        await aWaits.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Slots_NoSlotWithinTheWait_MakesTheCaseInconclusive_AndCloseCancelsWaiters()
    {
        var ledger = Ledger(3, TimeSpan.FromMilliseconds(200));
        await ledger.AcquireAsync(ledger.NewId("held"), new object(), fixture: false, CancellationToken.None);
        (await Should.ThrowAsync<CaseInconclusive>(() => ledger.AcquireAsync(ledger.NewId("late"), new object(), fixture: false, CancellationToken.None)))
            .Reason.ShouldContain("no meeting slot");

        var waiting = ledger.AcquireAsync(ledger.NewId("closing"), new object(), fixture: false, CancellationToken.None);
        ledger.Close();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        await Should.ThrowAsync<OperationCanceledException>(() => ledger.AcquireAsync(ledger.NewId("after"), new object(), fixture: true, CancellationToken.None));
    }

    [TestCase("mconf-conformance-20261204-120000-abcd-shared-0123456789", "20261204-120000-abcd", "shared")]
    [TestCase("mconf-conformance-20261204T120000-a1b2c3-guest-join-abcdef0123", "20261204T120000-a1b2c3", "guest-join")]
    [TestCase("mconf-conformance-20261204-120000-abcd-explore-3-m1-0123456789", "20261204-120000-abcd", "explore-3-m1")]
    [TestCase("mconf-conformance-20261204-120000-abcd-explore-3-m0-0123456789 é-", "20261204-120000-abcd", "explore-3-m0")]
    public void KitMeetings_TheKitsShape_IsFound(string id, string run, string purpose)
    {
        var meeting = KitMeetings.Parse("mconf-conformance", id).ShouldNotBeNull();
        meeting.RunId.ShouldBe(run);
        meeting.Purpose.ShouldBe(purpose);
        meeting.CreatedAt.ShouldBe(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), "without createTime the age comes from the run ID");
    }

    [TestCase("weekly-standup")]
    [TestCase("mconf-conformance-20261204-120000-abcd-shared")]
    [TestCase("mconf-conformance-20261204-120000-abcd-shared-0123456789a")]
    [TestCase("mconf-conformance-20261204-120000-abcd-shared-012345678G")]
    [TestCase("xmconf-conformance-20261204-120000-abcd-shared-0123456789")]
    [TestCase("mconf-conformance-by-hand-0123456789")]
    [TestCase("mconf-conformance-20261204-120000-abcd-explore-3-m0-0123456789 é")]
    [TestCase("mconf-conformance-20261204-120000-abcd-explore-3-m0-0123456789 x-")]
    [TestCase("mconf-conformance-20261204-120000-ABCD-shared-0123456789")]
    [TestCase(" mconf-conformance-20261204-120000-abcd-shared-0123456789")]
    public void KitMeetings_ALookalike_IsNotTheKits(string id) =>
        KitMeetings.Parse("mconf-conformance", id).ShouldBeNull();

    [Test]
    public void KitMeetings_WithARunId_OnlyThatRun()
    {
        const string id = "mconf-conformance-my-run-shared-0123456789";
        KitMeetings.Parse("mconf-conformance", id).ShouldBeNull("a run ID the kit did not generate is matched only when named");
        KitMeetings.Parse("mconf-conformance", id, "my-run").ShouldNotBeNull();
        KitMeetings.Parse("mconf-conformance", id, "my").ShouldNotBeNull().Purpose.ShouldBe("run-shared");
        KitMeetings.Parse("mconf-conformance", id, "other-run").ShouldBeNull();
    }

    [Test]
    public async Task RequestMeter_SpacesRequestsAtTheRate_AndCountsThem()
    {
        var time = new FakeTimeProvider();
        var meter = new RequestMeter(10, time);
        await meter.WaitAsync(CancellationToken.None);
        var second = meter.WaitAsync(CancellationToken.None);
        second.IsCompleted.ShouldBeFalse("the second request of a 10/s limit waits 100 ms");
        time.Advance(TimeSpan.FromMilliseconds(99));
        second.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        meter.Sent.ShouldBe(2);

        var unlimited = new RequestMeter(null, time);
        for (var i = 0; i < 100; i++)
        {
            (await Task.WhenAny(unlimited.WaitAsync(CancellationToken.None), Task.Delay(5000))).IsCompletedSuccessfully.ShouldBeTrue();
        }

        unlimited.Sent.ShouldBe(100);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
