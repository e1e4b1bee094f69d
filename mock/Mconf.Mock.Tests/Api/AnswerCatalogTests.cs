using Mconf.Mock.Api;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>Messages flow from the spec catalogue; the fake defines only answers the spec does not describe.</summary>
public sealed class AnswerCatalogTests
{
    [Test]
    public void Message_IsTheSpecMessage_ForEveryKeyAndCall()
    {
        var answers = AnswerCatalog.Load();
        foreach (var error in SpecCatalog.Load().Errors)
        {
            foreach (var call in error.Calls)
            {
                answers.Message(error.Key, call).ShouldBe(error.Message, $"{error.Key}/{call}");
            }
        }
    }

    [Test]
    public void OutsideSpec_HoldsNoKeyTheSpecDefines()
    {
        var specKeys = SpecCatalog.Load().Errors.Select(e => e.Key).ToHashSet();

        AnswerCatalog.OutsideSpec.Keys.Where(specKeys.Contains).ShouldBeEmpty();
    }

    [Test]
    public void Message_NamesAnUnknownKey() =>
        Should.Throw<KeyNotFoundException>(() => AnswerCatalog.Load().Message("noSuchKey", "create")).Message.ShouldContain("noSuchKey");
}
