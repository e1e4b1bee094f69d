using System.CommandLine;
using System.Runtime.InteropServices;
using Mconf.Mock.Fleet;
using Microsoft.Extensions.Configuration;

namespace Mconf.Mock.Host;

/// <summary>What the host does once the command line parsed: read the options (JSON file, environment, command
/// line), then export mappings, or run one fake, or a fleet, until Ctrl-C or SIGTERM.</summary>
internal static class HostRun
{
    public static async Task<int> RunAsync(HostArguments arguments, ParseResult result)
    {
        FakeServerOptions options;
        List<FakeServerOptions> servers;
        try
        {
            var configFile = result.GetValue(arguments.Config) ?? Environment.GetEnvironmentVariable("MCONF_FAKE_CONFIG");
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(configFile ?? "mconf-fake.json"), optional: configFile is null)
                .AddEnvironmentVariables("MCONF_FAKE_")
                .AddInMemoryCollection(arguments.Given(result))
                .Build();
            options = FakeServerOptions.FromConfiguration(configuration);
            options.Validate();
            servers = FleetFrom(configuration, options, result.GetValue(arguments.Servers));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync("mconf-fake: " + ex.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }

        if (result.GetValue(arguments.ExportMappings) is { } exportTo)
        {
            return Export(exportTo, options);
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

        try
        {
            if (servers.Count > 1)
            {
                await using var fleet = FakeFleet.Start(servers);
                var control = fleet.StartControl(result.GetValue(arguments.FleetPort));
                Console.WriteLine($"Fleet of {fleet.Count} fake {(options.IsMconf ? "Mconf-Live" : "BigBlueButton 0.9")} servers");
                for (var i = 0; i < fleet.Count; i++)
                {
                    Console.WriteLine($"  [{i}] URL: {fleet[i].BaseUrl}   Secret: {fleet[i].Secret}   Seed: {fleet[i].Options.Seed}");
                }

                Console.WriteLine($"Fleet control: {control}   (POST {control}/servers/<i>/down?mode=refuse|503|hang|failed, .../slow?ms=N, .../up)");
                Console.WriteLine("Press Ctrl-C to stop.");
                stopped.Wait();
            }
            else
            {
                await using var server = FakeMconfServer.Start(servers[0]);
                Describe(server, servers[0]);
                stopped.Wait();
            }
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync("mconf-fake: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>One server (the options), N derived from them (<c>--servers N</c>), or the config file's
    /// <c>Servers</c> list, each entry over the options.</summary>
    private static List<FakeServerOptions> FleetFrom(IConfiguration configuration, FakeServerOptions options, int count)
    {
        var listed = configuration.GetSection("Servers").GetChildren().ToList();
        if (listed.Count > 0)
        {
            return [.. listed.Select(entry =>
            {
                var server = options.Copy();
                entry.Bind(server);
                server.Validate();
                return server;
            })];
        }

        if (count > 1 && options.Port != 0 && options.Port + count - 1 > 65535)
        {
            throw new ArgumentException($"--servers {count} from port {options.Port} goes past 65535.");
        }

        return count == 1 ? [options] : [.. Enumerable.Range(0, count).Select(i => FakeFleet.OptionsFor(options, i))];
    }

    private static int Export(string directory, FakeServerOptions options)
    {
        try
        {
            var files = FakeMconfServer.ExportMappings(directory, options);
            Console.WriteLine($"Wrote {files.Count} WireMock mapping files to {Path.GetFullPath(directory)}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("mconf-fake: cannot export: " + ex.Message);
            return 2;
        }
    }

    private static void Describe(FakeMconfServer server, FakeServerOptions options)
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
    }
}
