using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mconf.Packaging.Tests.Support;

namespace Mconf.Packaging.Tests;

/// <summary>The self-contained single-file executables run on a machine without .NET: started with an environment
/// whose PATH has no `dotnet` and no DOTNET_* variables pointing at a runtime.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class SingleFileBinaryTests
{
    private const string Secret = "single-file-secret";
    private Process? _fake;
    private string _baseUrl = "";
    private string _emptyBin = "";

    [OneTimeSetUp]
    public async Task StartTheFakeAsync()
    {
        _emptyBin = Path.Combine(Distribution.Root, "empty-bin");
        Directory.CreateDirectory(_emptyBin);
        _fake = Process.Start(ProgramRun.StartInfo(Path.Combine(Distribution.Binaries, "mconf-fake"), ["--port", "0", "--secret", Secret, "--seed", "42"],
            Distribution.Root, WithoutDotnet(), clearEnvironment: true))!;
        _fake.ErrorDataReceived += (_, _) => { };
        _fake.BeginErrorReadLine();

        // The host prints its base URL (http://127.0.0.1:PORT/bigbluebutton) once it listens.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var printed = new StringBuilder();
        while (await _fake.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed.AppendLine(line);
            if (BaseUrl().Match(line) is { Success: true } url)
            {
                _baseUrl = url.Value;
                break;
            }
        }

        _baseUrl.ShouldStartWith("http://127.0.0.1:", customMessage: "the fake binary did not start:\n" + printed);
        _ = _fake.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining so the fake never blocks on a full pipe
    }

    [OneTimeTearDown]
    public void Stop()
    {
        if (_fake is { HasExited: false })
        {
            _fake.Kill(entireProcessTree: true);
            _fake.WaitForExit(10_000);
        }

        _fake?.Dispose();
    }

    [Test]
    public void TheTestEnvironment_HasNoDotnet()
    {
        WithoutDotnet()["PATH"]!.Split(':').ShouldAllBe(dir => !File.Exists(Path.Combine(dir, "dotnet")));
        Directory.GetFiles(Distribution.Binaries).Select(Path.GetFileName).ShouldBe(["mconf-conformance", "mconf-fake"], ignoreOrder: true);
    }

    [Test]
    public async Task TheFakeBinary_AnswersTheApiRoot_AndASignedCall()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var root = await http.GetStringAsync(_baseUrl + "/api");
        root.ShouldContain("<returncode>SUCCESS</returncode>");
        root.ShouldContain("<version>");

        var signed = await http.GetStringAsync($"{_baseUrl}/api/getMeetings?checksum={Sha1Hex("getMeetings" + Secret)}");
        signed.ShouldContain("<returncode>SUCCESS</returncode>");
        signed.ShouldContain("<meetings>");

        // The signature is really checked: the same call signed with another secret is refused.
        var wrong = await http.GetStringAsync($"{_baseUrl}/api/getMeetings?checksum={Sha1Hex("getMeetings" + "other")}");
        wrong.ShouldContain("<messageKey>checksumError</messageKey>");
    }

    [Test]
    public async Task TheRunnerBinary_CertifiesTheFakeBinary_WithoutDotnet()
    {
        var reports = Path.Combine(Distribution.Root, "binary-reports");
        var environment = WithoutDotnet();
        environment["MCONF_TARGET__SECRET"] = Secret;
        var result = await ProgramRun.RunAsync(Path.Combine(Distribution.Binaries, "mconf-conformance"), ["--target", _baseUrl, "--out", reports],
            TimeSpan.FromMinutes(5), Distribution.Root, environment, clearEnvironment: true);
        result.ExitCode.ShouldBe(0, "exit 0 means conformant: " + result.Describe());
        result.Stdout.ShouldNotContain(Secret);
        Directory.GetFiles(reports, "junit.xml", SearchOption.AllDirectories).ShouldNotBeEmpty();
    }

    private Dictionary<string, string?> WithoutDotnet() => new()
    {
        ["PATH"] = _emptyBin,
        ["HOME"] = Distribution.Root,
        ["DOTNET_ROOT"] = null,
    };

    [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+/bigbluebutton")]
    private static partial Regex BaseUrl();

    private static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
