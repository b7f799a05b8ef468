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
                foreach (var keyword in Kinds[slot % Kinds.Length].Schema.EnumerateObject())
                {
                    keyword.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WritePropertyName("$defs");
            Definitions.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string PropertyName(int slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{Kinds[slot % Kinds.Length].Name}{slot}");

    /// <summary>The property kinds, cycled through by slot: a name stem and the schema (without its description).</summary>
    private static readonly (string Name, JsonElement Schema)[] Kinds =
    [
        ("id", Json("""{ "type": "string", "format": "uuid" }""")),
        ("occurredAt", Json("""{ "type": "string", "format": "date-time" }""")),
        ("label", Json("""{ "type": "string", "minLength": 1, "maxLength": 200 }""")),
        ("count", Json("""{ "type": "integer", "minimum": 0 }""")),
        ("ratio", Json("""{ "type": "number", "maximum": 1 }""")),
        ("active", Json("""{ "type": "boolean" }""")),
        ("status", Json("""{ "type": "string", "enum": ["pending", "in_progress", "done", "failed_permanently"] }""")),
        ("link", Json("""{ "type": "string", "format": "uri" }""")),
        ("tags", Json("""{ "type": "array", "maxItems": 20, "items": { "type": "string" } }""")),
        ("details", Json("""
            {
              "type": "object", "additionalProperties": false, "required": ["reference"],
              "properties": { "reference": { "type": "string" }, "sequence": { "type": "integer" }, "note": { "type": "string", "maxLength": 500 } }
            }
            """)),
        ("lines", Json("""{ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/lineItem" } }""")),
        ("price", Json("""{ "$ref": "#/$defs/money" }""")),
    ];

    private static readonly JsonElement Definitions = Json("""
        {
          "money": {
            "description": "An amount in one currency, as a decimal string.",
            "type": "object", "additionalProperties": false, "required": ["amount", "currency"],
            "properties": {
              "amount": { "type": "string", "pattern": "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$" },
              "currency": { "type": "string", "pattern": "^[A-Z]{3}$" }
            }
          },
          "lineItem": {
            "description": "One SKU with its quantity and unit price.",
            "type": "object", "additionalProperties": false, "required": ["sku", "quantity"],
            "properties": {
              "sku": { "type": "string", "maxLength": 64 },
              "quantity": { "type": "integer", "minimum": 1 },
              "unitPrice": { "$ref": "#/$defs/money" }
            }
          }
        }
        """);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
