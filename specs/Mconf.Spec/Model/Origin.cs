using System.Text.Json.Serialization;

namespace Mconf.Spec.Model;

/// <summary>Which API layer an entry belongs to: the BBB 0.9 baseline or a Mconf-Live change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Origin>))]
public enum Origin
{
    [JsonStringEnumMemberName("bbb-0.9")] Bbb09,
    [JsonStringEnumMemberName("mconf-live")] MconfLive,
}

public static class OriginExtensions
{
    /// <summary>The layer name used as NUnit category and in reports.</summary>
    public static string Layer(this Origin origin) => origin == Origin.Bbb09 ? "bbb-0.9" : "mconf-live";
}
