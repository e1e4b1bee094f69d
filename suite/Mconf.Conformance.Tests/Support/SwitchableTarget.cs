namespace Mconf.Conformance.Tests.Support;

/// <summary>A fixture with one fake behind one mutating proxy whose mutation each test swaps in (<see cref="Switch"/>):
/// one target for many short runs, so its tests run one after another.</summary>
public abstract class SwitchableTarget
{
    private protected FakeMconfServer Fake { get; private set; } = null!;

    private protected MutatingProxy Proxy { get; private set; } = null!;

    private protected MutationSwitch Switch { get; } = new();

    [OneTimeSetUp]
    public void StartTarget()
    {
        Fake = FakeMconfServer.Start(BrokenTargets.DefaultOptions());
        Proxy = MutatingProxy.Start(Fake.BaseUrl, Mutations.Switchable(Switch));
    }

    [OneTimeTearDown]
    public void StopTarget()
    {
        Proxy.Dispose();
        Fake.Dispose();
    }
}
