using Mconf.Mock.Engine;

namespace Mconf.Mock.Tests.Engine;

public sealed class JavaTests
{
    [Test]
    public void DateToString_WikiCreateTime_IsJavaDateFormatInUtc() =>
        Java.DateToString(1411067830029).ShouldBe("Thu Sep 18 19:17:10 UTC 2014");

    [TestCase("20", 7, 20)]
    [TestCase("+5", 7, 5)]
    [TestCase("-3", 7, -3)]
    [TestCase("", 7, 7)]
    [TestCase(null, 7, 7)]
    [TestCase("abc", 7, 7)]
    [TestCase("1.5", 7, 7)]
    [TestCase(" 5", 7, 7)]
    [TestCase("99999999999", 7, 7)]
    [TestCase("+", 7, 7)]
    public void ParseInt_FollowsIntegerParseInt(string? text, int fallback, int expected) =>
        Java.ParseInt(text, fallback).ShouldBe(expected);

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase("yes", false)]
    [TestCase("1", false)]
    [TestCase(null, false)]
    public void ParseBoolean_OnlyTrueInAnyCase(string? text, bool expected) => Java.ParseBoolean(text).ShouldBe(expected);

    [TestCase("true", true)]
    [TestCase("Y", true)]
    [TestCase("1", true)]
    [TestCase(" true ", true)]
    [TestCase("false", false)]
    [TestCase("yes", false)]
    [TestCase("0", false)]
    public void GroovyToBoolean_AcceptsTrueYAndOne(string text, bool expected) => Java.GroovyToBoolean(text).ShouldBe(expected);

    [TestCase("a,b", new[] { "a", "b" })]
    [TestCase(",", new string[0])]
    [TestCase("", new[] { "" })]
    [TestCase("a,,b,,", new[] { "a", "", "b" })]
    [TestCase(",a", new[] { "", "a" })]
    public void Split_DropsTrailingEmptyStringsLikeJava(string text, string[] expected) => Java.Split(text, ',').ShouldBe(expected);

    [Test]
    public void Strip_RemovesJavaWhitespaceButNotNoBreakSpace()
    {
        Java.Strip(" \t id \r\n").ShouldBe("id");
        Java.Strip("\u00A0id\u00A0").ShouldBe("\u00A0id\u00A0");
    }
}
