using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mconf.Mock.Replay;

/// <summary>A folder of recorded exchanges: <c>0001-create.json</c>, <c>0002-join.json</c>, ... in the order they
/// happened. Writing continues after the highest number already there.</summary>
internal sealed class FixtureFolder
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();
    private int _next;

    public FixtureFolder(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _next = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Select(f => NumberOf(Path.GetFileName(f))).DefaultIfEmpty(0).Max()
            : 0;
    }

    public string Directory { get; }

    /// <summary>Writes one exchange; returns the file's path.</summary>
    public string Write(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        System.IO.Directory.CreateDirectory(Directory);
        lock (_gate)
        {
            var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{++_next:D4}-{SafeName(exchange.Call)}.json"));
            File.WriteAllText(path, JsonSerializer.Serialize(exchange, Json) + "\n", new UTF8Encoding(false));
            return path;
        }
    }

    /// <summary>Every exchange in the folder, in file-name order. Throws <see cref="InvalidDataException"/> naming
    /// a file that is not an exchange.</summary>
    public IReadOnlyList<RecordedExchange> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var result = new List<RecordedExchange>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                result.Add(JsonSerializer.Deserialize<RecordedExchange>(File.ReadAllText(file), Json) ?? throw new JsonException("empty"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"'{file}' is not a recorded exchange: {ex.Message}", ex);
            }
        }

        return result;
    }

    private static int NumberOf(string fileName)
    {
        var dash = fileName.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(fileName[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static string SafeName(string call)
    {
        var safe = new string([.. call.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return safe.Length == 0 ? "unknown" : safe;
    }
}
