using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EventContracts.Benchmarks;

/// <summary>
/// Contract files shaped like the real ones in <c>contracts/</c>, for the generator benchmarks: a closed object of
/// 10–20 properties cycling through every kind the generator maps (uuid, date-time, bounded string, integer, number,
/// boolean, string enum, uri, array of strings, inline nested object, array of <c>$ref</c> items, <c>$ref</c> object),
/// with <c>money</c> and <c>lineItem</c> under <c>$defs</c>, across ten domains.
/// </summary>
internal static class SyntheticContracts
{
    private static readonly string[] Domains = ["order", "billing", "shipping", "catalog", "customer", "inventory", "payment", "review", "support", "marketing"];
    private static readonly string[] Verbs = ["created", "updated", "cancelled", "approved", "archived"];
    private const int Kinds = 12;

    /// <summary>
    /// <paramref name="count"/> files as (path, text): <c>/bench/contracts/&lt;domain&gt;/&lt;domain&gt;.entity&lt;i&gt;.&lt;verb&gt;.v1.json</c>,
    /// each a distinct event type, so each becomes its own record.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int count) =>
        Enumerable.Range(0, count).Select(i => (Path(i), Contract(i, edited: false))).ToList();

    /// <summary>File <paramref name="index"/> after a one-line edit: its first property gets a new description.</summary>
    public static string Edited(int index) => Contract(index, edited: true);

    private static string Domain(int index) => Domains[index % Domains.Length];

    private static string EventType(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Domain(index)}.entity{index}.{Verbs[index % Verbs.Length]}");

    private static string Path(int index) => $"/bench/contracts/{Domain(index)}/{EventType(index)}.v1.json";

    private static string Contract(int index, bool edited)
    {
        var properties = 10 + (index % 11);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", $"https://contracts.example/{Domain(index)}/{EventType(index)}.v1.json");
            json.WriteString("title", $"Entity {index} {Verbs[index % Verbs.Length]}");
            json.WriteString("description", $"Synthetic event {index} for the generator benchmarks; shaped like the contracts under contracts/.");
            json.WriteString("type", "object");
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartArray("required");
            for (var slot = 0; slot < properties; slot += 2)
            {
                json.WriteStringValue(PropertyName(slot));
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            for (var slot = 0; slot < properties; slot++)
            {
                json.WriteStartObject(PropertyName(slot));
                json.WriteString("description", edited && slot == 0 ? "Edited: the first property's description changed." : $"Property {slot} of event {index}.");
                WriteKind(json, slot % Kinds);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            WriteDefinitions(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string PropertyName(int slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{KindNames[slot % Kinds]}{slot}");

    private static readonly string[] KindNames =
        ["id", "occurredAt", "label", "count", "ratio", "active", "status", "link", "tags", "details", "lines", "price"];

    private static void WriteKind(Utf8JsonWriter json, int kind)
    {
        switch (kind)
        {
            case 0:
                json.WriteString("type", "string");
                json.WriteString("format", "uuid");
                break;
            case 1:
                json.WriteString("type", "string");
                json.WriteString("format", "date-time");
                break;
            case 2:
                json.WriteString("type", "string");
                json.WriteNumber("minLength", 1);
                json.WriteNumber("maxLength", 200);
                break;
            case 3:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 0);
                break;
            case 4:
                json.WriteString("type", "number");
                json.WriteNumber("maximum", 1);
                break;
            case 5:
                json.WriteString("type", "boolean");
                break;
            case 6:
                json.WriteString("type", "string");
                json.WriteStartArray("enum");
                foreach (var value in (string[])["pending", "in_progress", "done", "failed_permanently"])
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                break;
            case 7:
                json.WriteString("type", "string");
                json.WriteString("format", "uri");
                break;
            case 8:
                json.WriteString("type", "array");
                json.WriteNumber("maxItems", 20);
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            case 9:
                json.WriteString("type", "object");
                json.WriteBoolean("additionalProperties", false);
                json.WriteStartArray("required");
                json.WriteStringValue("reference");
                json.WriteEndArray();
                json.WriteStartObject("properties");
                json.WriteStartObject("reference");
                json.WriteString("type", "string");
                json.WriteEndObject();
                json.WriteStartObject("sequence");
                json.WriteString("type", "integer");
                json.WriteEndObject();
                json.WriteStartObject("note");
                json.WriteString("type", "string");
                json.WriteNumber("maxLength", 500);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case 10:
                json.WriteString("type", "array");
                json.WriteNumber("minItems", 1);
                json.WriteStartObject("items");
                json.WriteString("$ref", "#/$defs/lineItem");
                json.WriteEndObject();
                break;
            default:
                json.WriteString("$ref", "#/$defs/money");
                break;
        }
    }

    private static void WriteDefinitions(Utf8JsonWriter json)
    {
        json.WriteStartObject("$defs");

        json.WriteStartObject("money");
        json.WriteString("description", "An amount in one currency, as a decimal string.");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("amount");
        json.WriteStringValue("currency");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject("amount");
        json.WriteString("type", "string");
        json.WriteString("pattern", "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
        json.WriteEndObject();
        json.WriteStartObject("currency");
        json.WriteString("type", "string");
        json.WriteString("pattern", "^[A-Z]{3}$");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("lineItem");
        json.WriteString("description", "One SKU with its quantity and unit price.");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("sku");
        json.WriteStringValue("quantity");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject("sku");
        json.WriteString("type", "string");
        json.WriteNumber("maxLength", 64);
        json.WriteEndObject();
        json.WriteStartObject("quantity");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteEndObject();
        json.WriteStartObject("unitPrice");
        json.WriteString("$ref", "#/$defs/money");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
    }
}
