using Mconf.Mock.Xml;

namespace Mconf.Mock.Tests.Xml;

public sealed class BbbXmlWriterTests
{
    [Test]
    public void Element_NullIsSelfClosingAndEmptyIsAPair() =>
        new BbbXmlWriter().Element("a", null).Element("b", "").Empty("c").ToString().ShouldBe("<a/><b></b><c></c>");

    // Escapes ampersand and angle brackets only; keeps surrogate pairs.
    [TestCase("x & <y> \"q\" 'z'", "<a>x &amp; &lt;y&gt; \"q\" 'z'</a>")]
    [TestCase("\U0001F600", "<a>\U0001F600</a>")]
    public void Element_WritesTheTextAsXmlAllows(string value, string expected) =>
        new BbbXmlWriter().Element("a", value).ToString().ShouldBe(expected);

    // A lone surrogate does not survive as an attribute argument, so this one stays its own test.
    [Test]
    public void Element_ReplacesCharactersXmlForbids() =>
        new BbbXmlWriter().Element("a", "x\u0000y\uD800z\u0009").ToString().ShouldBe("<a>x\uFFFDy\uFFFDz\u0009</a>");

    [Test]
    public void Cdata_SplitsTheTerminator() =>
        new BbbXmlWriter().Cdata("n", "a]]>b<&").ToString().ShouldBe("<n><![CDATA[a]]]]><![CDATA[>b<&]]></n>");

    [Test]
    public void Attributes_AreSingleQuoted() =>
        new BbbXmlWriter().EmptyWithAttributes("error", ("key", "k"), ("message", "it's <x>")).ToString()
            .ShouldBe("<error key='k' message='it&apos;s &lt;x&gt;'/>");

    [Test]
    public void Envelope_ErrorShapes()
    {
        Envelope.Error("k", "m").ShouldBe("<response><returncode>FAILED</returncode><messageKey>k</messageKey><message>m</message></response>");
        Envelope.Errors("k", "m").ShouldBe("<response><returncode>FAILED</returncode><errors><error key='k' message='m'/></errors></response>");
    }
}
