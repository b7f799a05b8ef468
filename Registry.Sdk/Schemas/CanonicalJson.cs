using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EventContracts.Schemas;

/// <summary>Compact, deterministic JSON text: the basis of canonical forms and fingerprints.</summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static string Write(JsonElement element, bool sortKeys)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        WriteUtf8(element, sortKeys, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The same text as <see cref="Write"/>, as UTF-8 into <paramref name="output"/>: what a fingerprint hashes.</summary>
    public static void WriteUtf8(JsonElement element, bool sortKeys, System.Buffers.IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        WriteValue(writer, element, sortKeys);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element, bool sortKeys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                IEnumerable<JsonProperty> members = element.EnumerateObject();
                if (sortKeys)
                {
                    members = members.OrderBy(p => p.Name, StringComparer.Ordinal);
                }

                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Name);
                    WriteValue(writer, member.Value, sortKeys);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(writer, item, sortKeys);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
