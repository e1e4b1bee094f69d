using Mconf.Conformance.Configuration;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace Mconf.Conformance.NUnitAdapter;

/// <summary>The settings of an NUnit project, the kit's suite or a user's: <c>appsettings.json</c> beside the test
/// assembly, then the <c>MCONF_*</c> environment variables, then NUnit test parameters
/// (<c>-- TestRunParameters.Parameter(name="Target:Url", value="...")</c> or a .runsettings file; <c>Target.Url</c>
/// and <c>TARGET__URL</c> are read as <c>Target:Url</c>), bound by <see cref="ConformanceOptions.Bind"/> like the
/// runner's.</summary>
public static class NUnitSettings
{
    /// <summary>The layered configuration; <paramref name="environment"/> stands in for the process's variables.</summary>
    public static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string?>? environment = null) =>
        ConformanceOptions.Build(TestContext.CurrentContext.TestDirectory, environment, TestParameters());

    /// <summary>The bound options; a deprecated key's warning goes to NUnit's progress output, once.</summary>
    public static ConformanceOptions Load(IReadOnlyDictionary<string, string?>? environment = null) =>
        ConformanceOptions.Bind(Configuration(environment), TestContext.Progress.WriteLine);

    private static Dictionary<string, string?> TestParameters()
    {
        var parameters = TestContext.Parameters;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in parameters.Names)
        {
            values[name.Replace("__", ":", StringComparison.Ordinal).Replace('.', ':')] = parameters[name];
        }

        return values;
    }
}
