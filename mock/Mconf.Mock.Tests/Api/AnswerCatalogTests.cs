using Mconf.Mock.Api;
using Mconf.Spec;

namespace Mconf.Mock.Tests.Api;

/// <summary>Messages flow from the spec catalogue, the fake's own answers included; the fake defines none.</summary>
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
    public void TheFakesOwnKeys_AreTheSpecsFakeScopedEntries()
    {
        var own = SpecCatalog.Load().Errors.Where(e => e.Scope == Mconf.Spec.Model.ErrorSpec.FakeScope).ToList();

        own.Select(e => e.Key).ShouldBe([AnswerCatalog.InternalError, AnswerCatalog.ServerUnavailable, AnswerCatalog.NoRecordedAnswer], ignoreOrder: true);
        own.ShouldAllBe(e => AnswerCatalog.OwnMessage(e.Key) == e.Message);
        AnswerCatalog.OwnError(AnswerCatalog.InternalError).ShouldContain("<message>" + AnswerCatalog.OwnMessage(AnswerCatalog.InternalError) + "</message>");
    }

    [Test]
    public void OwnMessage_RefusesAKeyARealServerGives() =>
        Should.Throw<KeyNotFoundException>(() => AnswerCatalog.OwnMessage("checksumError")).Message.ShouldContain("checksumError");

    [Test]
    public void Message_NamesAnUnknownKey() =>
        Should.Throw<KeyNotFoundException>(() => AnswerCatalog.Load().Message("noSuchKey", "create")).Message.ShouldContain("noSuchKey");
}
