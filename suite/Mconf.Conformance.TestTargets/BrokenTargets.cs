using Mconf.Mock;

namespace Mconf.Conformance.TestTargets;

/// <summary>Builds targets for testing the suite: the fake as it is, the fake lacking exactly one documented delta,
/// and the fake varying only in ways real servers legitimately do.</summary>
public static class BrokenTargets
{
    public const string Secret = "conformance-kit-test-secret";

    /// <summary>Fake options with everything the suite observes: meetings with attendees, recordings with metadata,
    /// stats. Loopback, free port, fixed seed.</summary>
    public static FakeServerOptions DefaultOptions(string flavour = "mconf-live", bool sha1Only = false) => new()
    {
        Port = 0,
        Secret = Secret,
        Seed = 42,
        AutoConnect = true,
        Flavour = flavour,
        Sha1Only = sha1Only,
    };

    /// <summary>The fake, optionally behind a proxy applying <paramref name="mutations"/>.</summary>
    public static TestTarget Start(FakeServerOptions? options, params Mutation[] mutations)
    {
        var fake = FakeMconfServer.Start(options ?? DefaultOptions());
        try
        {
            return new TestTarget(fake, mutations.Length == 0 ? null : MutatingProxy.Start(fake.BaseUrl, mutations));
        }
        catch
        {
            fake.Dispose();
            throw;
        }
    }

    /// <summary>The Mconf-Live fake as it is, with <see cref="DefaultOptions"/>.</summary>
    public static TestTarget StartFake() => Start(DefaultOptions());

    /// <summary>A Mconf-Live fake that lacks exactly the delta <paramref name="specId"/>.</summary>
    public static TestTarget Start(string specId) => Start(DefaultOptions(), Lacking(specId, Secret));

    /// <summary>A correct fake varying in one legitimate way.</summary>
    public static TestTarget StartVarying(Mutation variation) => Start(DefaultOptions(), variation);

    /// <summary>The mutation that takes one delta away: a response element is removed
    /// (<c>call/response/path</c>), a request parameter is ignored (<c>call/request/name</c>), a call answers 404
    /// (a bare call name), an answer key is replaced by another (<c>error/key</c>).</summary>
    public static Mutation Lacking(string specId, string secret)
    {
        ArgumentNullException.ThrowIfNull(specId);
        var parts = specId.Split('/', 3);
        return parts.Length switch
        {
            3 when parts[1] == "response" => Mutations.RemoveElement(parts[0], parts[2]),
            3 when parts[1] == "request" => Mutations.IgnoreParam(parts[0], parts[2], secret),
            1 => Mutations.NotFound(parts[0]),
            2 when parts[0] == "error" => Mutations.RenameMessageKey(parts[1], "notFound"),
            _ => throw new ArgumentException($"No mutation takes away '{specId}'.", nameof(specId)),
        };
    }
}
