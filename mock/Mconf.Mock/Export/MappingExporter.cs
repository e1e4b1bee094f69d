using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mconf.Mock.Api;
using Mconf.Mock.Wiring;

namespace Mconf.Mock.Export;

/// <summary>Writes the fake's example answers as WireMock.Net static mapping files (one JSON file per example,
/// <c>Request.Path</c> matchers, <c>Response.StatusCode/Headers/Body</c>), loadable by any WireMock.Net through
/// <c>ReadStaticMappings(folder)</c>, <c>--ReadStaticMappings</c> (the <c>__admin/mappings</c> folder) or a POST to
/// <c>/__admin/mappings</c>. Guids derive from the example name and seed, so re-exporting replaces files.</summary>
internal static class MappingExporter
{
    /// <summary>Priority of the exported mappings; examples that match a parameter are one lower (so they win).</summary>
    public const int Priority = 10;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one <c>mconf-&lt;example&gt;.json</c> per example into <paramref name="directory"/>
    /// (created if needed); returns the paths written.</summary>
    public static IReadOnlyList<string> Export(string directory, FakeServerOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var example in ExampleSession.Run(options))
        {
            var path = Path.Combine(directory, "mconf-" + example.Name + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(MappingOf(example, options), Json) + "\n", new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    private static MappingFile MappingOf(ExampleAnswer example, FakeServerOptions options)
    {
        var paths = ApiMappings.PathsOf(example.Handler).Select(p => new MatcherModel("ExactMatcher", p)).ToList();
        var parameters = example.Match.Count == 0
            ? null
            : example.Match.Select(m => new ParamModel(m.Key, [new MatcherModel("ExactMatcher", m.Value)])).ToList();
        var result = example.Result;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (result.ContentType is not null)
        {
            headers["Content-Type"] = result.ContentType;
        }

        if (result.NoCache)
        {
            headers["Cache-Control"] = "no-cache";
        }

        if (result.Location is not null)
        {
            headers["Location"] = result.Location;
        }

        return new MappingFile(
            GuidOf(example.Name + "/" + options.Flavour + "/" + options.Seed),
            "Mconf-Live example: " + example.Name,
            example.Description + " " + ExampleSession.Describe(options),
            example.Match.Count == 0 ? Priority : Priority - 1,
            new RequestModel(new PathModel(paths), example.Handler.Methods.Count == 0 ? null : [.. example.Handler.Methods], parameters),
            new ResponseModel(result.Status, headers, result.Body));
    }

    private static Guid GuidOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes("mconf-fake-example/" + name))[..16]);

    private sealed record MappingFile(Guid Guid, string Title, string Description, int Priority, RequestModel Request, ResponseModel Response);

    private sealed record RequestModel(PathModel Path, IReadOnlyList<string>? Methods, IReadOnlyList<ParamModel>? Params);

    private sealed record PathModel(IReadOnlyList<MatcherModel> Matchers);

    private sealed record ParamModel(string Name, IReadOnlyList<MatcherModel> Matchers);

    private sealed record MatcherModel(string Name, string Pattern);

    private sealed record ResponseModel(int StatusCode, IReadOnlyDictionary<string, string> Headers, string? Body);
}
