using Mconf.Conformance.Configuration;
using Microsoft.Extensions.Configuration;

// Outside the namespace of SuiteTarget (a SetUpFixture): these tests need no target.
namespace Mconf.Conformance.SuiteSettings;

/// <summary>The suite's appsettings.json uses the one vocabulary and says exactly the defaults.</summary>
[TestFixture]
public sealed class SuiteSettingsTests
{
    [Test]
    public void AppSettings_BindToTheDefaults_WithoutAWarning()
    {
        var warnings = new List<string>();
        var configuration = ConformanceOptions.Build(TestContext.CurrentContext.TestDirectory, new Dictionary<string, string?>());
        configuration.AsEnumerable().ShouldNotBeEmpty("appsettings.json was not copied beside the suite");

        ConformanceOptions.Bind(configuration, warnings.Add).Values().ShouldBe(new ConformanceOptions().Values());
        warnings.ShouldBeEmpty();
    }

    [Test]
    public void AppSettings_HoldOnlyKeysOfTheVocabulary()
    {
        var configuration = ConformanceOptions.Build(TestContext.CurrentContext.TestDirectory, new Dictionary<string, string?>());
        var keys = configuration.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key);

        keys.Where(k => !SettingKeys.All.Contains(k, StringComparer.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
