using System.Xml.Linq;
using Mconf.Mock;
using Mconf.Spec.Signing;

namespace Mconf.Conformance.TestTargets;

/// <summary>Named answer and request changes: the ones that break a documented delta (remove an element, ignore a
/// request parameter, answer 404 for a call, change a value) and the ones real servers legitimately show (reordered
/// children, extra elements, pretty-printing and whitespace around values, &lt;x/&gt; versus &lt;x&gt;&lt;/x&gt;).</summary>
public static partial class Mutations
{
    /// <summary>Children that are data rather than fields (metadata keys, custom data, stream names): an extra
    /// element there would change the data, so the extra-element variation leaves them alone.</summary>
    private static readonly HashSet<string> DataContainers = new(StringComparer.Ordinal) { "metadata", "customdata", "videoStreams" };

    /// <summary>Removes every element at <paramref name="path"/> (below &lt;response&gt;) from <paramref name="call"/>'s XML answers.</summary>
    public static Mutation RemoveElement(string call, string path) =>
        Xml($"remove <{path}> from {call}", call, root =>
        {
            foreach (var element in Select(root, path).ToList())
            {
                element.Remove();
            }
        });

    /// <summary>Replaces the text of every element at <paramref name="path"/> in <paramref name="call"/>'s answers.</summary>
    public static Mutation SetValue(string call, string path, Func<string, string> value) =>
        Xml($"change <{path}> in {call}", call, root =>
        {
            foreach (var element in Select(root, path).ToList())
            {
                element.Value = value(element.Value);
            }
        });

    /// <summary>Drops the parameter (a trailing <c>*</c> matches a prefix, as in <c>meta_*</c>) from
    /// <paramref name="call"/>'s requests and re-signs them with <paramref name="secret"/>, so the upstream sees a
    /// valid request that simply lacks it: a server that ignores the parameter.</summary>
    /// <summary>Answers with another messageKey wherever the server gives <paramref name="key"/>.</summary>
    public static Mutation RenameMessageKey(string key, string replacement) =>
        Xml($"messageKey {replacement} instead of {key}", null, root =>
        {
            foreach (var element in Select(root, "messageKey").Where(e => e.Value.Trim() == key).ToList())
            {
                element.Value = replacement;
            }

            // The <errors><error key='...'/></errors> shape (mismatchCreateTime) too.
            foreach (var error in Select(root, "errors/error").Where(e => e.Attribute("key")?.Value.Trim() == key).ToList())
            {
                error.SetAttributeValue("key", replacement);
            }
        });

    public static Mutation IgnoreParam(string call, string name, string secret) =>
        new($"ignore {name} on {call}", Request: request =>
        {
            if (request.Call != call)
            {
                return request;
            }

            bool Matches(string key) => name.EndsWith('*') ? key.StartsWith(name[..^1], StringComparison.OrdinalIgnoreCase) : key == name;
            var parts = request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries);
            var given = ServerChecksum.Extract(request.RawQuery);
            var kept = parts.Where(p =>
            {
                var key = QueryString.Decode(p.Split('=', 2)[0]);
                return key != "checksum" && !Matches(key);
            });
            var query = string.Join('&', kept);
            if (given is null)
            {
                return request with { RawQuery = query };
            }

            var algorithm = ChecksumAlgorithms.All.FirstOrDefault(a => a.HexLength() == given.Length);
            var signed = new RequestSigner(secret, algorithm).Sign(call, query);
            return request with { RawQuery = signed };
        });

    /// <summary>Answers <paramref name="call"/> with a Tomcat-style HTML 404: the call does not exist.</summary>
    public static Mutation NotFound(string call) =>
        new($"404 for {call}", Answer: request => request.Call == call
            ? new ProxyResponse(404, "text/html;charset=utf-8", "<html><body><h1>HTTP Status 404 - /bigbluebutton/api/" + call + "</h1></body></html>")
            : null);

    /// <summary>Reverses the order of every element's children; returncode stays first (the envelope requires it).</summary>
    public static Mutation ReorderChildren() =>
        Xml("reordered children", null, root =>
        {
            foreach (var element in root.DescendantsAndSelf().Where(e => e.HasElements).ToList())
            {
                var children = element.Elements().Reverse().ToList();
                var returnCode = children.FirstOrDefault(c => element == root && c.Name.LocalName == "returncode");
                foreach (var child in children)
                {
                    child.Remove();
                }

                if (returnCode is not null)
                {
                    children.Remove(returnCode);
                    children.Insert(0, returnCode);
                }

                element.Add(children);
            }
        });

    /// <summary>Adds an unknown element (and an attribute) to every element that has fields, as later servers add fields.</summary>
    public static Mutation AddExtraElements() =>
        Xml("extra elements", null, root =>
        {
            foreach (var element in root.DescendantsAndSelf().Where(e => e.HasElements && !DataContainers.Contains(e.Name.LocalName)).ToList())
            {
                element.Add(new XElement("conformanceExtra", new XAttribute("kind", "extra"), "extra value"));
            }
        });

    /// <summary>Pretty-prints the answer and wraps every value in whitespace and line breaks.</summary>
    public static Mutation Whitespace() =>
        new("whitespace around values", Response: (request, response) => Rewrite(response, root =>
        {
            foreach (var leaf in root.Descendants().Where(e => !e.HasElements && !e.IsEmpty && e.Value.Length > 0).ToList())
            {
                var value = leaf.Value;
                leaf.ReplaceNodes(new XText("\n      " + value + "\n    "));
            }
        }, indent: true));

    /// <summary>Writes every empty element as <c>&lt;x/&gt;</c> (<paramref name="selfClosing"/>) or as <c>&lt;x&gt;&lt;/x&gt;</c>.</summary>
    public static Mutation EmptyElements(bool selfClosing) =>
        Xml(selfClosing ? "empty elements as <x/>" : "empty elements as <x></x>", null, root =>
        {
            foreach (var element in root.DescendantsAndSelf().Where(e => !e.Nodes().Any() || (!e.HasElements && e.Value.Length == 0)).ToList())
            {
                if (selfClosing)
                {
                    element.RemoveNodes();
                }
                else
                {
                    element.Value = "";
                }
            }
        });

    /// <summary>The legitimate variations, one mutation each.</summary>
    public static IReadOnlyList<Mutation> LegitimateVariations() =>
        [ReorderChildren(), AddExtraElements(), Whitespace(), EmptyElements(selfClosing: true), EmptyElements(selfClosing: false)];

    /// <summary>A transform of the XML answers of <paramref name="call"/> (all calls when null); other answers pass.</summary>
    public static Mutation Xml(string name, string? call, Action<XElement> change) =>
        new(name, Response: (request, response) => call is null || request.Call == call ? Rewrite(response, change, indent: false) : response);

    private static ProxyResponse Rewrite(ProxyResponse response, Action<XElement> change, bool indent)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(response.Body, LoadOptions.PreserveWhitespace);
        }
        catch (System.Xml.XmlException)
        {
            return response;
        }

        if (document.Root is null || document.Root.Name.LocalName != "response")
        {
            return response;
        }

        change(document.Root);
        var text = document.Root.ToString(indent ? SaveOptions.None : SaveOptions.DisableFormatting);
        return response with { Body = text };
    }

    private static IEnumerable<XElement> Select(XElement root, string path)
    {
        IEnumerable<XElement> current = [root];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.SelectMany(e => e.Elements().Where(c => c.Name.LocalName == segment));
        }

        return current;
    }
}
