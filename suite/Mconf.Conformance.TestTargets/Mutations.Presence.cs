using System.Xml.Linq;

namespace Mconf.Conformance.TestTargets;

/// <summary>Presence breaks driven by the spec: a child taken out of one present parent only, and a mutation that
/// can be swapped between runs so that one proxy and one fake serve many single-case runs.</summary>
public static partial class Mutations
{
    /// <summary>In each XML answer of <paramref name="call"/>, removes every <paramref name="path"/> element (below
    /// &lt;response&gt;) from the first instance of its parent that has one, and only from it; calls
    /// <paramref name="removed"/> for each answer it changed.</summary>
    public static Mutation RemoveFromOneParent(string call, string path, Action? removed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var cut = path.LastIndexOf('/');
        var parent = cut < 0 ? "" : path[..cut];
        var name = path[(cut + 1)..];
        return Xml($"remove <{path}> from one <{(parent.Length == 0 ? "response" : parent)}> of {call}", call, root =>
        {
            var instance = Select(root, parent).FirstOrDefault(p => p.Elements().Any(e => e.Name.LocalName == name));
            if (instance is null)
            {
                return;
            }

            foreach (var child in instance.Elements().Where(e => e.Name.LocalName == name).ToList())
            {
                child.Remove();
            }

            removed?.Invoke();
        });
    }

    /// <summary>Applies whatever <see cref="MutationSwitch.Current"/> is when a request passes (nothing when null).</summary>
    public static Mutation Switchable(MutationSwitch holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return new Mutation("switchable",
            Request: request => holder.Current?.Request?.Invoke(request) ?? request,
            Answer: request => holder.Current?.Answer?.Invoke(request),
            Response: (request, response) => holder.Current?.Response is { } change ? change(request, response) : response);
    }
}

/// <summary>The mutation a <see cref="Mutations.Switchable"/> proxy applies now.</summary>
public sealed class MutationSwitch
{
    private volatile Mutation? _current;

    public Mutation? Current
    {
        get => _current;
        set => _current = value;
    }
}
