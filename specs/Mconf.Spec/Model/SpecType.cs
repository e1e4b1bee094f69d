using System.Text.Json.Serialization;

namespace Mconf.Spec.Model;

/// <summary>Value types the wiki and the BBB docs use for parameters and response elements.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpecType>))]
public enum SpecType
{
    String,
    Number,
    Boolean,
    /// <summary>Milliseconds since the epoch, as an integer.</summary>
    Timestamp,
    /// <summary>An element whose content is child elements (possibly none).</summary>
    Group,
    /// <summary>One of a fixed set of strings listed in <c>values</c>.</summary>
    Enum,
}

/// <summary>When an element is in a success answer ("When Returned" in the wiki tables).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Presence>))]
public enum Presence
{
    /// <summary>In every answer of its shape (for a child of a repeated element: in every instance).</summary>
    [JsonStringEnumMemberName("always")] Always,
    /// <summary>Only in some answers (an empty list, a warning, a redirect=false join...).</summary>
    [JsonStringEnumMemberName("optional")] Optional,
}
