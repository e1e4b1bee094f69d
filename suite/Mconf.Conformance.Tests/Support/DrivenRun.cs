using Mconf.Conformance.Presence;
using Mconf.Testing;

namespace Mconf.Conformance.Tests.Support;

/// <summary>How a test target's users connect: at once on join (auto-connect), only when a client connects (as on
/// a real server: nobody does), or through the kit's fake driver (the presence session, and the generic connect
/// action for every case that needs a connected attendee).</summary>
internal static class DrivenRun
{
    public const string AutoConnect = "auto-connect";
    public const string NoClient = "no-client";
    public const string Driver = "driver";

    public static readonly string[] Modes = [AutoConnect, NoClient, Driver];

    public static string FakeDriver => RepoRoot.File("suite/drivers/fake-driver.sh");

    /// <summary>The fake's auto-connect for a mode.</summary>
    public static void Apply(FakeServerOptions options, string mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AutoConnect = mode == AutoConnect;
    }

    /// <summary>The run's options for a mode: with <see cref="Driver"/>, the presence session played by the fake driver.</summary>
    public static RunOptions For(RunOptions options, string mode) => mode != Driver ? options : options with
    {
        Presence = new PresenceOptions
        {
            Actor = new DriverActor(FakeDriver, TimeSpan.FromSeconds(30)),
            Mode = "driver: fake-driver.sh",
            StepTimeout = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromMilliseconds(50),
            Progress = line => TestContext.Out.WriteLine(line),
        },
    };
}
