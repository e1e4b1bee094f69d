using Mconf.Mock.Engine;

namespace Mconf.Mock.Tests.Engine;

public sealed class IdsTests
{
    [Test]
    public void RandomStrings_HaveTheJavaAlphabets()
    {
        var random = new Random(1);
        Ids.RandomAlphanumeric(random, 8).ShouldMatch("^[A-Za-z0-9]{8}$");
        Ids.RandomNumeric(random, 5).ShouldMatch("^[0-9]{5}$");
        Ids.RandomLowerAlphanumeric(random, 12).ShouldMatch("^[a-z0-9]{12}$");
    }

    [Test]
    public void LocalSeed_DependsOnRunSeedAndParts()
    {
        Ids.LocalSeed(42, "a", "b").ShouldBe(Ids.LocalSeed(42, "a", "b"));
        Ids.LocalSeed(42, "a", "b").ShouldNotBe(Ids.LocalSeed(43, "a", "b"));
        Ids.LocalSeed(42, "a", "b").ShouldNotBe(Ids.LocalSeed(42, "ab"));
        Ids.LocalSeed(42, "x").ShouldBeGreaterThanOrEqualTo(0);
    }
}
