using System.Text.Json.Serialization;

namespace Mconf.Spec.Model;

/// <summary>Which API layer an entry belongs to: the BBB 0.9 baseline or a Mconf-Live change. The layer names
/// (<see cref="OriginExtensions.Bbb09Layer"/>, <see cref="OriginExtensions.MconfLiveLayer"/>) are written once and
/// serve as JSON values, NUnit categories and report labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Origin>))]
public enum Origin
{
    [JsonStringEnumMemberName(OriginExtensions.Bbb09Layer)] Bbb09,
    [JsonStringEnumMemberName(OriginExtensions.MconfLiveLayer)] MconfLive,
}

public static class OriginExtensions
{
    public const string Bbb09Layer = "bbb-0.9";
    public const string MconfLiveLayer = "mconf-live";

    /// <summary>The layer name used as NUnit category and in reports.</summary>
    public static string Layer(this Origin origin) => origin == Origin.Bbb09 ? Bbb09Layer : MconfLiveLayer;
}
