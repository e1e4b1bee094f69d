using Mconf.Mock.Xml;

namespace Mconf.Mock.Tests.Xml;

public sealed class BbbXmlWriterTests
{
    [Test]
    public void Element_NullIsSelfClosingAndEmptyIsAPair() =>
        new BbbXmlWriter().Element("a", null).Element("b", "").Empty("c").ToString().ShouldBe("<a/><b></b><c></c>");

    [Test]
    public void Element_EscapesAmpersandAndAngleBracketsOnly() =>
        new BbbXmlWriter().Element("a", "x & <y> \"q\" 'z'").ToString().ShouldBe("<a>x &amp; &lt;y&gt; \"q\" 'z'</a>");

    [Test]
    public void Element_ReplacesCharactersXmlForbids() =>
        new BbbXmlWriter().Element("a", "x\u0000y\uD800z\u0009").ToString().ShouldBe("<a>x\uFFFDy\uFFFDz\u0009</a>");

    [Test]
    public void Element_KeepsSurrogatePairs() =>
        new BbbXmlWriter().Element("a", "\U0001F600").ToString().ShouldBe("<a>\U0001F600</a>");

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
