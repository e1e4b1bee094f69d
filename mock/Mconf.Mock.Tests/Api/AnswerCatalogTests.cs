using Mconf.Mock.Api;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>Messages flow from the spec catalogue; the built-in fallback must say the same.</summary>
public sealed class AnswerCatalogTests
{
    [Test]
    public void Load_UsesTheSpecCatalogue()
    {
        var answers = AnswerCatalog.Load();
        answers.LoadError.ShouldBeNull();
        answers.FromSpec.ShouldBeTrue();
    }

    [Test]
    public void BuiltInFallback_AgreesWithTheCatalogue()
    {
        var fromSpec = AnswerCatalog.Load();
        var builtIn = AnswerCatalog.BuiltInOnly();
        foreach (var error in SpecCatalog.Load().Errors)
        {
            foreach (var call in error.Calls)
            {
                builtIn.Message(error.Key, call).ShouldBe(fromSpec.Message(error.Key, call), $"{error.Key}/{call}");
            }
        }
    }
}
