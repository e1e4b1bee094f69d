using System.Runtime.InteropServices;
using Mconf.Mock;
using Mconf.Mock.Host;
using Microsoft.Extensions.Configuration;

// Standalone fake Mconf-Live server: ./mock/run.sh --port 8090 --secret S --seed 42 (see mock/README.md).
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(HostArguments.Help);
    return 0;
}

FakeServerOptions options;
try
{
    var normalised = HostArguments.Normalise(args);
    var configFile = HostArguments.ConfigFile(normalised) ?? Environment.GetEnvironmentVariable("MCONF_FAKE_CONFIG");
    var configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.GetFullPath(configFile ?? "mconf-fake.json"), optional: configFile is null)
        .AddEnvironmentVariables("MCONF_FAKE_")
        .AddCommandLine(normalised, HostArguments.SwitchMappings)
        .Build();
    options = FakeServerOptions.FromConfiguration(configuration);
    options.Validate();
}
catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine("mconf-fake: " + ex.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

if (HostArguments.ExportDirectory(args) is { } exportTo)
{
    try
    {
        var files = FakeMconfServer.ExportMappings(exportTo, options);
        Console.WriteLine($"Wrote {files.Count} WireMock mapping files to {Path.GetFullPath(exportTo)}");
        return 0;
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine("mconf-fake: cannot export: " + ex.Message);
        return 2;
    }
}

using var stopped = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.Set();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.Set();
});

FakeMconfServer started;
try
{
    started = FakeMconfServer.Start(options);
}
catch (InvalidDataException ex)
{
    Console.Error.WriteLine("mconf-fake: " + ex.Message);
    return 2;
}

await using (var server = started)
{
    var root = server.BaseUrl[..^"/bigbluebutton".Length];
    Console.WriteLine($"Fake {(options.IsMconf ? "Mconf-Live" : "BigBlueButton 0.9")} server (seed {options.Seed}, auto-connect {options.AutoConnect.ToString().ToLowerInvariant()})");
    Console.WriteLine($"URL: {server.BaseUrl}");
    Console.WriteLine($"Secret: {server.Secret}");
    Console.WriteLine($"Control: {root}/fake/   Admin: {(options.AdminInterface ? root + "/__admin/" : "off")}");
    Console.WriteLine($"Requests: {root}/fake/requests   Faults: {root}/fake/faults");
    if (options.RecordFrom is not null)
    {
        Console.WriteLine($"Recording: proxy to {options.RecordFrom}, exchanges into {Path.GetFullPath(options.RecordTo!)}");
    }

    if (options.ReplayFrom is not null)
    {
        Console.WriteLine($"Replaying: {Path.GetFullPath(options.ReplayFrom)} (unrecorded requests: {(options.ReplayFallThrough ? "the normal fake" : "FAILED noRecordedAnswer")})");
    }

    Console.WriteLine("Press Ctrl-C to stop.");
    stopped.Wait();
}

Console.WriteLine("Stopped.");
return 0;
