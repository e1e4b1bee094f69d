using Mconf.Mock;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.Hosting;

/// <summary>The one way the kit starts its embedded fake as a conformance target: loopback, a free port, seed 42,
/// users connected at join, no admin interface, its handler failures logged with the secret redacted. The runner
/// (<c>Certification.cs</c>) and the NUnit suite (<c>SuiteTarget.cs</c>, which compiles this file as a link: a
/// shared project would be a new edge in the reference graph) both call it, so they certify the same fake.</summary>
internal static class EmbeddedFake
{
    public const int Seed = 42;

    /// <param name="flavour"><c>mconf-live</c> or <c>bbb-0.9</c> (<c>Fake:Flavour</c>); null: the fake's default.</param>
    /// <param name="log">Receives each handler failure, already redacted; null: not shown.</param>
    public static FakeMconfServer Start(string? flavour = null, Action<string>? log = null)
    {
        var options = new FakeServerOptions
        {
            Port = 0,
            AutoConnect = true,
            Seed = Seed,
            Flavour = flavour ?? FakeServerOptions.MconfLive,
            AdminInterface = false,
        };
        var secret = options.Secret;
        if (log is not null)
        {
            options.Log = message => log(Redactor.Redact(message, secret));
        }

        return FakeMconfServer.Start(options);
    }
}
