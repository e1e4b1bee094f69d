using Mconf.Mock;

namespace Mconf.Conformance.TestTargets;

/// <summary>A target for testing the suite: the in-process fake, optionally behind a <see cref="MutatingProxy"/>.
/// <see cref="BaseUrl"/> is what the suite is pointed at; <see cref="FakeUrl"/> reaches the fake directly (e.g. to
/// look at its meetings before and after a run).</summary>
public sealed class TestTarget : IDisposable
{
    internal TestTarget(FakeMconfServer fake, MutatingProxy? proxy)
    {
        Fake = fake;
        Proxy = proxy;
    }

    public FakeMconfServer Fake { get; }

    public MutatingProxy? Proxy { get; }

    public string BaseUrl => Proxy?.BaseUrl ?? Fake.BaseUrl;

    public string FakeUrl => Fake.BaseUrl;

    public string Secret => Fake.Secret;

    public override string ToString() => Proxy is null ? "fake" : "fake behind " + string.Join(", ", Proxy.Mutations);

    public void Dispose()
    {
        Proxy?.Dispose();
        Fake.Dispose();
    }
}
