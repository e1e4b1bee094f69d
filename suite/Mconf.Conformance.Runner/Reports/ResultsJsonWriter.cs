using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mconf.Conformance.Runner.Reports;

/// <summary>Writes and reads results.json (camelCase, indented, verdicts as their report names).</summary>
public static class ResultsJsonWriter
{
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Keep '<', '>' and '&' readable in evidence bodies; the file is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
    };

    public static string Render(ResultsDocument document) => JsonSerializer.Serialize(document, Options) + "\n";

    public static void Write(ResultsDocument document, string path) => File.WriteAllText(path, Render(document), new UTF8Encoding(false));

    /// <exception cref="InvalidDataException">Not a results.json of this kit.</exception>
    public static ResultsDocument Read(string path)
    {
        try
        {
            var document = JsonSerializer.Deserialize<ResultsDocument>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: empty document");
            return document.Schema == ResultsDocument.CurrentSchema
                ? document
                : throw new InvalidDataException($"{path}: schema '{document.Schema}' is not {ResultsDocument.CurrentSchema}");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a results.json of this kit ({ex.Message})", ex);
        }
    }
}
