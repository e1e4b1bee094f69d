using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mconf.Spec.Cases;

/// <summary>A case's arguments, each typed as JSON carries it: text, a flag, a list, or ordered name=value pairs
/// (request parameters). The generator writes them typed, so no reader ever splits a joined string.</summary>
[JsonConverter(typeof(CaseArgsConverter))]
public sealed class CaseArgs : IEquatable<CaseArgs>
{
    private readonly SortedDictionary<string, object> _values;

    private CaseArgs(SortedDictionary<string, object> values) => _values = values;

    /// <summary>No arguments.</summary>
    public static CaseArgs None { get; } = new(new SortedDictionary<string, object>(StringComparer.Ordinal));

    /// <summary>The argument names, in order.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>A text argument (a flag reads as <c>true</c>/<c>false</c>); null when absent.</summary>
    public string? Text(string name) => _values.GetValueOrDefault(name) switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        null => null,
        _ => throw new InvalidCastException($"Argument '{name}' is not text."),
    };

    /// <summary>A flag; false when absent.</summary>
    public bool Flag(string name) => _values.GetValueOrDefault(name) switch
    {
        bool flag => flag,
        null => false,
        _ => throw new InvalidCastException($"Argument '{name}' is not a flag."),
    };

    /// <summary>A list argument; empty when absent.</summary>
    public IReadOnlyList<string> List(string name) => _values.GetValueOrDefault(name) switch
    {
        string[] list => list,
        null => [],
        _ => throw new InvalidCastException($"Argument '{name}' is not a list."),
    };

    /// <summary>Name=value pairs in the order written; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string name) => _values.GetValueOrDefault(name) switch
    {
        KeyValuePair<string, string>[] pairs => pairs,
        null => [],
        _ => throw new InvalidCastException($"Argument '{name}' is not a set of name=value pairs."),
    };

    /// <summary>Whether an argument of that name is present.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A copy with one text argument set.</summary>
    public CaseArgs With(string name, string text) => With(name, (object)text);

    /// <summary>A copy with one flag set.</summary>
    public CaseArgs With(string name, bool flag) => With(name, (object)flag);

    /// <summary>A copy with one list set.</summary>
    public CaseArgs With(string name, IEnumerable<string> list) => With(name, (object)list.ToArray());

    /// <summary>A copy with one set of name=value pairs.</summary>
    public CaseArgs With(string name, IEnumerable<KeyValuePair<string, string>> pairs) => With(name, (object)pairs.ToArray());

    /// <summary>Text arguments from a dictionary (for tests and hand-made cases).</summary>
    public static CaseArgs Of(IReadOnlyDictionary<string, string> text) =>
        text.Aggregate(None, (args, pair) => args.With(pair.Key, pair.Value));

    private CaseArgs With(string name, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new CaseArgs(new SortedDictionary<string, object>(_values, StringComparer.Ordinal) { [name] = value });
    }

    /// <inheritdoc/>
    public bool Equals(CaseArgs? other) =>
        other is not null && _values.Count == other._values.Count && _values.All(p => other._values.TryGetValue(p.Key, out var v) && Same(p.Value, v));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CaseArgs);

    /// <inheritdoc/>
    public override int GetHashCode() => _values.Count;

    private static bool Same(object a, object b) => (a, b) switch
    {
        (string[] x, string[] y) => x.SequenceEqual(y),
        (KeyValuePair<string, string>[] x, KeyValuePair<string, string>[] y) => x.SequenceEqual(y),
        _ => a.Equals(b),
    };

    /// <summary>Reads and writes the arguments as one JSON object: strings, booleans, arrays of strings and objects
    /// of strings. Anything else is refused with the argument's name.</summary>
    private sealed class CaseArgsConverter : JsonConverter<CaseArgs>
    {
        public override CaseArgs Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("args must be an object");
            }

            var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString() ?? throw new JsonException("an argument has no name");
                reader.Read();
                values[name] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.True or JsonTokenType.False => reader.GetBoolean(),
                    JsonTokenType.StartArray => ReadList(ref reader, name),
                    JsonTokenType.StartObject => ReadPairs(ref reader, name),
                    _ => throw new JsonException($"argument '{name}' must be text, a flag, a list or name=value pairs"),
                };
            }

            return new CaseArgs(values);
        }

        public override void Write(Utf8JsonWriter writer, CaseArgs value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (name, item) in value._values)
            {
                writer.WritePropertyName(name);
                switch (item)
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case string[] list:
                        writer.WriteStartArray();
                        list.ToList().ForEach(writer.WriteStringValue);
                        writer.WriteEndArray();
                        break;
                    case KeyValuePair<string, string>[] pairs:
                        writer.WriteStartObject();
                        pairs.ToList().ForEach(p => writer.WriteString(p.Key, p.Value));
                        writer.WriteEndObject();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        private static string[] ReadList(ref Utf8JsonReader reader, string name)
        {
            var list = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"argument '{name}' must list text only"));
            }

            return [.. list];
        }

        private static KeyValuePair<string, string>[] ReadPairs(ref Utf8JsonReader reader, string name)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                pairs.Add(new(key, reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"argument '{name}.{key}' must be text")));
            }

            return [.. pairs];
        }
    }
}
