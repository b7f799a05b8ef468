using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventContracts.Contracts.Tests;

/// <summary>Which properties an instance made by <see cref="SchemaInstance"/> has.</summary>
public enum InstanceShape
{
    /// <summary>Only the required properties, every array at its <c>minItems</c>, every value at its lower bound.</summary>
    RequiredOnly,

    /// <summary>Every declared property, arrays of two or more items, the last enum value, non-ASCII text.</summary>
    AllProperties,
}

/// <summary>
/// Makes a JSON instance that is meant to validate against a contract, by walking its schema: so every contract file,
/// including one added tomorrow, gets test data without anyone writing it. Covers what contracts use: objects,
/// arrays, strings (with <c>format</c>, <c>pattern</c>, length bounds), integers and numbers (with bounds), booleans,
/// <c>enum</c>, <c>const</c>, local <c>$ref</c>s, and the first branch of <c>oneOf</c>/<c>anyOf</c>.
/// </summary>
/// <remarks>
/// Values are written the way System.Text.Json writes them back (lower-case GUIDs, <c>+00:00</c> rather than <c>Z</c>),
/// so a round trip can be compared as JSON without per-format rules. The tests validate every instance with
/// NJsonSchema before using it: a gap here fails a test, it never feeds invalid data to the generated types.
/// </remarks>
internal static class SchemaInstance
{
    private const int MaxDepth = 64;

    public static JsonNode? Generate(JsonElement schema, InstanceShape shape) => new Walker(schema, shape == InstanceShape.AllProperties).Value(schema, "#", 0);

    private sealed class Walker(JsonElement root, bool full)
    {
        public JsonNode? Value(JsonElement schema, string path, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new NotSupportedException($"{path}: more than {MaxDepth} levels deep; a recursive $ref needs an optional branch to stop at");
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                throw new NotSupportedException($"{path}: only object schemas are supported, not {schema.ValueKind}");
            }

            if (schema.TryGetProperty("$ref", out var reference))
            {
                var target = reference.GetString()!;
                return Value(Resolve(target, path), target, depth + 1);
            }

            if (schema.TryGetProperty("const", out var constant))
            {
                return JsonNode.Parse(constant.GetRawText());
            }

            if (schema.TryGetProperty("enum", out var values))
            {
                var all = values.EnumerateArray().ToList();
                return JsonNode.Parse((full ? all[^1] : all[0]).GetRawText());
            }

            foreach (var keyword in (string[])["oneOf", "anyOf"])
            {
                if (schema.TryGetProperty(keyword, out var branches))
                {
                    return Value(branches[0], path + "/" + keyword + "/0", depth + 1);
                }
            }

            return Type(schema, path) switch
            {
                "object" => Object(schema, path, depth),
                "array" => Array(schema, path, depth),
                "string" => String(schema),
                "integer" => JsonValue.Create((long)Bounded(schema, 0, 41, step: 1)),
                "number" => JsonValue.Create(Bounded(schema, 0, 12.5m, step: 0.5m)),
                "boolean" => JsonValue.Create(full),
                "null" => null,
                var other => throw new NotSupportedException($"{path}: type {other}"),
            };
        }

        private static string Type(JsonElement schema, string path)
        {
            if (!schema.TryGetProperty("type", out var type))
            {
                return schema.TryGetProperty("properties", out _) ? "object" : throw new NotSupportedException($"{path}: no type");
            }

            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null")
                : type.GetString()!;
        }

        private JsonObject Object(JsonElement schema, string path, int depth)
        {
            var required = schema.TryGetProperty("required", out var names)
                ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            var instance = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (full || required.Contains(property.Name))
                    {
                        instance[property.Name] = Value(property.Value, path + "/properties/" + property.Name, depth + 1);
                    }
                }
            }

            return instance;
        }

        private JsonArray Array(JsonElement schema, string path, int depth)
        {
            var min = Integer(schema, "minItems") ?? 0;
            var max = Integer(schema, "maxItems") ?? int.MaxValue;
            var unique = schema.TryGetProperty("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
            var count = Math.Min(max, full ? Math.Max(min, unique ? 1 : 2) : min);
            var array = new JsonArray();
            if (count > 0)
            {
                var items = schema.TryGetProperty("items", out var i) ? i : throw new NotSupportedException($"{path}: an array without items");
                for (var n = 0; n < count; n++)
                {
                    array.Add(Value(items, path + "/items", depth + 1));
                }
            }

            return array;
        }

        private string String(JsonElement schema)
        {
            if (schema.TryGetProperty("pattern", out var pattern))
            {
                return PatternExample.For(pattern.GetString()!, full);
            }

            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var text = format switch
            {
                "date-time" => full ? "2026-03-04T05:06:07.123+02:00" : "2026-03-04T05:06:07+00:00",
                "date" => "2026-03-04",
                "uuid" => full ? "6f9619ff-8b86-4011-b42d-00cf4fc964ff" : "00000000-0000-0000-0000-000000000001",
                "uri" => full ? "https://example.com/track?id=42&lang=de" : "https://example.com/",
                "email" => "someone@example.com",
                _ => full ? "Grüße – “quoted” ✓ <b>&" : "x",
            };

            var min = Integer(schema, "minLength") ?? 0;
            var max = Integer(schema, "maxLength") ?? int.MaxValue;
            return text.Length > max ? text[..max] : text.PadRight(min, 'x');
        }

        /// <summary>The lower bound (or <paramref name="fallback"/>); for <see cref="InstanceShape.AllProperties"/> <paramref name="offset"/> above it, kept under the upper bound.</summary>
        private decimal Bounded(JsonElement schema, decimal fallback, decimal offset, decimal step)
        {
            var low = Decimal(schema, "minimum") ?? Decimal(schema, "exclusiveMinimum") + step ?? fallback;
            var high = Decimal(schema, "maximum") ?? Decimal(schema, "exclusiveMaximum") - step;
            var value = full ? low + offset : low;
            return high is { } h && value > h ? Math.Max(low, h) : value;
        }

        private JsonElement Resolve(string reference, string path)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"{path}: only local $refs (#/...) are supported, not {reference}");
            }

            var node = root;
            foreach (var token in reference[2..].Split('/'))
            {
                if (!node.TryGetProperty(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out node))
                {
                    throw new NotSupportedException($"{path}: $ref {reference} points nowhere");
                }
            }

            return node;
        }

        private static int? Integer(JsonElement schema, string keyword) =>
            schema.TryGetProperty(keyword, out var value) ? value.GetInt32() : null;

        private static decimal? Decimal(JsonElement schema, string keyword) =>
            schema.TryGetProperty(keyword, out var value) ? decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }
}
