using Mconf.Spec.Signing;

namespace Mconf.Spec.Tests.Signing;

public sealed class QueryStringTests
{
    [TestCase("Test Meeting", SpaceStyle.Plus, "Test+Meeting")]
    [TestCase("Test Meeting", SpaceStyle.Percent, "Test%20Meeting")]
    [TestCase("a&b=c+d", SpaceStyle.Plus, "a%26b%3Dc%2Bd")]
    [TestCase("café", SpaceStyle.Plus, "caf%C3%A9")]
    [TestCase("日本", SpaceStyle.Percent, "%E6%97%A5%E6%9C%AC")]
    [TestCase("a.b-c_d", SpaceStyle.Plus, "a.b-c_d")]
    [TestCase("x~y*z", SpaceStyle.Plus, "x%7Ey*z")]
    [TestCase("x~y*z", SpaceStyle.Percent, "x~y%2Az")]
    [TestCase("😀", SpaceStyle.Percent, "%F0%9F%98%80")]
    public void Encode_WritesUtf8PercentEncoding(string value, SpaceStyle style, string expected) =>
        QueryString.Encode(value, style).ShouldBe(expected);

    [TestCase("Test+Meeting", "Test Meeting")]
    [TestCase("Test%20Meeting", "Test Meeting")]
    [TestCase("caf%C3%A9", "café")]
    [TestCase("%F0%9F%98%80", "😀")]
    [TestCase("100%", "100%")]
    [TestCase("%zz%4", "%zz%4")]
    [TestCase("%FF", "\uFFFD")]
    public void Decode_IsTolerant(string encoded, string expected) =>
        QueryString.Decode(encoded).ShouldBe(expected);

    [Test]
    public void Parse_KeepsOrderAndDuplicates()
    {
        var pairs = QueryString.Parse("?b=2&a=1&b=3&flag&=x&&c=");

        pairs.Select(p => $"{p.Key}={p.Value}").ShouldBe(["b=2", "a=1", "b=3", "flag=", "=x", "c="]);
    }

    [Test]
    public void Build_EncodesInGivenOrderAndDropsNulls()
    {
        var query = QueryString.Build([new("name", "A & B"), new("skip", null), new("meetingID", "x y")], SpaceStyle.Percent);

        query.ShouldBe("name=A%20%26%20B&meetingID=x%20y");
    }

    [Test]
    public void BuildThenParse_RoundTripsAnyText()
    {
        string[] values = ["plain", "with space", "a+b", "100%", "é&=?#/", "日本語", "tab\there", "\"quotes\" <tags>"];
        foreach (var style in new[] { SpaceStyle.Plus, SpaceStyle.Percent })
        {
            var query = QueryString.Build(values.Select((v, i) => new KeyValuePair<string, string?>($"p{i}", v)), style);

            QueryString.Parse(query).Select(p => p.Value).ShouldBe(values);
        }
    }

    [Test]
    public void Get_ReturnsFirstDecodedValueOrNull()
    {
        QueryString.Get("a=1&checksum=abc&checksum=def", "checksum").ShouldBe("abc");
        QueryString.Get("a=1", "checksum").ShouldBeNull();
    }
}
