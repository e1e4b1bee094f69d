namespace Mconf.Mock.Tests.Support;

/// <summary>A fresh fake per test, for tests that leave faults, mappings or journal entries behind; a fixture whose
/// tests share one fake derives from <see cref="FakeApiFixture"/> instead.</summary>
public abstract class FakeApiPerTest
{
    private protected FakeApi Api { get; private set; } = null!;

    [SetUp]
    public void StartFake() => Api = FakeApi.Start();

    [TearDown]
    public void StopFake() => Api.Dispose();
}
