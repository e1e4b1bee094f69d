using Mconf.Conformance.Configuration;
using Mconf.Conformance.NUnitAdapter;
using Mconf.Spec.Cases;
using NUnit.Framework;

namespace Consumer.Tests;

// The packaged settings model: the same keys and defaults as the runner and the kit's suite.
public class SettingsTests
{
    [Test]
    public void TheDefaults_AreTheKitsOnes()
    {
        var options = NUnitSettings.Load(new Dictionary<string, string?>());
        Assert.That(options.Values(), Is.EqualTo(new ConformanceOptions().Values()));
        Assert.That(options.Parallel, Is.EqualTo(8));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(options.Tier, Is.EqualTo(CaseTier.Lifecycle));
    }

    [Test]
    public void AnEarlierKey_StillWorks_WithOneWarning()
    {
        var warnings = new List<string>();
        var options = ConformanceOptions.Bind(
            NUnitSettings.Configuration(new Dictionary<string, string?> { ["MCONF_RUN__PARALLELISM"] = "3" }), warnings.Add);
        Assert.That(options.Parallel, Is.EqualTo(3));
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.Contain("Run:Parallelism").And.Contain("Run:Parallel ("));
    }
}
