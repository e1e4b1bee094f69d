namespace Mconf.Mock.Tests.Support;

/// <summary>One fake per fixture, started before its tests and disposed after them. By then the fake must have
/// logged nothing: a logged line is a handler failure the fake turned into an internalError answer.</summary>
public abstract class FakeApiFixture
{
    private protected FakeApi Api { get; private set; } = null!;

    /// <summary>This fixture's options on top of <see cref="FakeApi.Start"/>'s defaults.</summary>
    protected virtual void Configure(FakeServerOptions options)
    {
    }

    [OneTimeSetUp]
    public void StartFake() => Api = FakeApi.Start(Configure);

    [OneTimeTearDown]
    public void StopFake()
    {
        Api.Dispose();
        Api.Logged.ShouldBeEmpty();
    }
}
