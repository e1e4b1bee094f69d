namespace Mconf.Sample.Client.Tests.Support;

/// <summary>A fresh fake per test, so no test sees another's meetings, faults or journal.</summary>
public abstract class SampleFakeTests
{
    private protected SampleFake Fake { get; private set; } = null!;

    [SetUp]
    public void StartFake() => Fake = new SampleFake();

    [TearDown]
    public void StopFake() => Fake.Dispose();
}
