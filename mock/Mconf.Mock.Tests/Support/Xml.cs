using System.Xml.Linq;

namespace Mconf.Mock.Tests.Support;

internal static class XmlShape
{
    /// <summary>Local names of an element's children, in document order.</summary>
    public static string[] Children(XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];
}
