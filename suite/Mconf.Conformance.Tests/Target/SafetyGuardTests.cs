using Mconf.Conformance.Checks;
using Mconf.Conformance.Target;

namespace Mconf.Conformance.Tests.Target;

public sealed class SafetyGuardTests
{
    private static readonly MeetingLedger Ledger = new("mconf-conformance", "run/1");

    private static KeyValuePair<string, string>[] P(params (string, string)[] pairs) => [.. pairs.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))];

    [Test]
    public void Ledger_PrefixIsCleanAndIdsCarryIt()
    {
        Ledger.Prefix.ShouldBe("mconf-conformance-run-1-");
        Ledger.IsOurs(Ledger.NewId("x")).ShouldBeTrue();
        Ledger.IsOurs("Demo Meeting").ShouldBeFalse();
    }

    [TestCase("create")]
    [TestCase("join")]
    [TestCase("end")]
    public void ReadOnly_RefusesStateChangingCalls(string call) =>
        Should.Throw<CaseSkipped>(() => new SafetyGuard(Ledger, readOnly: true).Check(call, P(("meetingID", Ledger.NewId("x")))));

    [TestCase("end")]
    [TestCase("join")]
    [TestCase("create")]
    public void AnyTier_RefusesMeetingsWithoutTheRunPrefix(string call) =>
        Should.Throw<InvalidOperationException>(() => new SafetyGuard(Ledger, readOnly: false).Check(call, P(("meetingID", "Demo Meeting"))));

    [TestCase("publishRecordings")]
    [TestCase("deleteRecordings")]
    public void AnyTier_RefusesRecordingsTheRunDidNotMake(string call)
    {
        var guard = new SafetyGuard(Ledger, readOnly: true);
        Should.Throw<InvalidOperationException>(() => guard.Check(call, P(("recordID", Ledger.UnknownId("r") + ",183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1"))));
        Should.NotThrow(() => guard.Check(call, P(("recordID", Ledger.UnknownId("r")))));
        Should.NotThrow(() => guard.Check(call, P()));
    }

    [Test]
    public void Create_IsRegisteredBeforeItIsSent()
    {
        var ledger = new MeetingLedger("p", "r");
        var id = ledger.NewId("x");
        new SafetyGuard(ledger, readOnly: false).Check("create", P(("meetingID", id), ("moderatorPW", "mp")));
        ledger.MeetingIds.ShouldBe([id]);
    }
}
